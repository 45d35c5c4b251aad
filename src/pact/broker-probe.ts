/**
 * Whether a Pact Broker answers at all, asked once with a short deadline before the pact-broker CLI
 * runs: that CLI retries an unreachable broker for about a minute and then exits 1, the code
 * can-i-deploy uses for "no". Any HTTP answer (even 401) means the broker is there.
 */
export const BROKER_PROBE_TIMEOUT_MS = 5000;

export class BrokerUnreachable extends Error {
  override readonly name = 'BrokerUnreachable';
}

const reasonOf = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'no answer';
  return cause?.code ?? cause?.message ?? (error as Error).message;
};

export async function probeBroker(brokerUrl: string, timeoutMs = BROKER_PROBE_TIMEOUT_MS): Promise<void> {
  try {
    const answer = await fetch(brokerUrl, {
      method: 'GET',
      headers: { accept: 'application/hal+json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await answer.body?.cancel();
  } catch (error) {
    throw new BrokerUnreachable(
      `the Pact Broker at ${brokerUrl} cannot be reached (${reasonOf(error)} within ${timeoutMs / 1000} s)`,
    );
  }
}
