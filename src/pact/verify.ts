import { Verifier } from '@pact-foundation/pact';
import { createProviderStates, type ProviderUnderTest } from './state-handlers';
import { ALL_PACT_CASES } from './interactions';
import { parseVerifierJson, type VerificationOutcome } from './verifier-output';
import { withoutRootCertificates } from './root-certificates';
import { startTargetRelay, type RelayLog } from './target-relay';
import { interruptionOf } from '../http/interruptible-transport';

/** Where the pacts come from: local files, or a Pact Broker (credentials from the CLI's env vars). */
export type PactSource =
  | { readonly kind: 'files'; readonly pactUrls: readonly string[] }
  | {
      readonly kind: 'broker';
      readonly brokerUrl: string;
      readonly consumerVersionSelectors?: readonly Record<string, unknown>[];
    };

export interface VerificationRun {
  readonly provider: string;
  readonly target: ProviderUnderTest;
  readonly source: PactSource;
  /** Publish the results to the broker under this provider version (and branch). */
  readonly publish?: { readonly providerVersion: string; readonly providerBranch?: string };
  readonly logLevel?: 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Bound of each request to the target (default 10 s). */
  readonly timeoutMs?: number;
  /** Aborting it stops the verification: nothing more reaches the target, and the clean-up runs. */
  readonly signal?: AbortSignal;
}

import { DEFAULT_CONSUMER_VERSION_SELECTORS } from './defaults';

export { DEFAULT_CONSUMER_VERSION_SELECTORS };

/** Broker credentials, as the official pact-broker CLI reads them: from the environment only. */
export function brokerCredentials(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (env.PACT_BROKER_TOKEN) return { pactBrokerToken: env.PACT_BROKER_TOKEN };
  if (env.PACT_BROKER_USERNAME)
    return {
      pactBrokerUsername: env.PACT_BROKER_USERNAME,
      pactBrokerPassword: env.PACT_BROKER_PASSWORD ?? '',
    };
  return {};
}

function sourceOptions(source: PactSource) {
  if (source.kind === 'files') return { pactUrls: [...source.pactUrls] };
  return {
    pactBrokerUrl: source.brokerUrl,
    ...brokerCredentials(),
    consumerVersionSelectors: [...(source.consumerVersionSelectors ?? DEFAULT_CONSUMER_VERSION_SELECTORS)],
  };
}

/**
 * Runs the Pact Verifier against the target, through a loopback relay (src/pact/target-relay.ts) that
 * keeps a dying target from crashing Pact's proxy, passes no redirect on, and records the flows the
 * interactions created; those and the states' flows are removed at the end. A failed verification is
 * an outcome, not an exception.
 */
export async function verifyPacts(run: VerificationRun): Promise<VerificationOutcome> {
  const started = Date.now();
  const timeoutMs = run.timeoutMs ?? 10_000;
  const { stateHandlers, requestFilter, cleanup, stateErrors } = createProviderStates({
    ...run.target,
    timeoutMs,
  });
  const relay = await startTargetRelay(run.target.baseUrl, timeoutMs);
  const interrupt = () => relay.interrupt(run.signal ? interruptionOf(run.signal) : 'interrupted');
  if (run.signal?.aborted) interrupt();
  run.signal?.addEventListener('abort', interrupt, { once: true });
  const verifier = new Verifier({
    provider: run.provider,
    providerBaseUrl: relay.baseUrl,
    ...sourceOptions(run.source),
    stateHandlers,
    requestFilter: requestFilter as never,
    logLevel: run.logLevel ?? 'error',
    failIfNoPactsFound: true,
    ...(run.publish
      ? {
          publishVerificationResult: true,
          providerVersion: run.publish.providerVersion,
          ...(run.publish.providerBranch ? { providerVersionBranch: run.publish.providerBranch } : {}),
        }
      : {}),
  });
  let json: unknown;
  let log: RelayLog | undefined;
  try {
    // TLS only to a broker at an https URL: the target is reached through the loopback relay.
    const needsTls = run.source.kind === 'broker' && !run.source.brokerUrl.toLowerCase().startsWith('http:');
    json = await withoutRootCertificates(needsTls, () => verifier.verifyProvider());
  } catch (error) {
    json = error instanceof Error ? error.message : String(error);
  } finally {
    run.signal?.removeEventListener('abort', interrupt);
    log = relay.log();
    await relay.close();
    await cleanup(log.createdFlowIds);
  }
  const outcome = withRelayLog(
    withStateErrors(parseVerifierJson(json, Date.now() - started), stateErrors),
    log,
  );
  return run.signal?.aborted
    ? { ...outcome, passed: false, interrupted: interruptionOf(run.signal) }
    : outcome;
}

/** What the relay saw that the verifier's own output does not say plainly. */
function withRelayLog(outcome: VerificationOutcome, log: RelayLog): VerificationOutcome {
  return {
    ...outcome,
    ...(log.targetFailure ? { passed: false, targetFailure: log.targetFailure } : {}),
    ...(log.refusedRedirects.length > 0 ? { refusedRedirects: log.refusedRedirects } : {}),
  };
}

/**
 * The states that could not be set up, in the outcome; and each failed interaction of this project's
 * pact whose states include one of them starts with the reason, so that "expected 404 but was 401"
 * reads with its cause.
 */
export function withStateErrors(
  outcome: VerificationOutcome,
  stateErrors: ReadonlyMap<string, string>,
): VerificationOutcome {
  if (stateErrors.size === 0) return outcome;
  const statesOf = new Map(ALL_PACT_CASES.map((pactCase) => [pactCase.description, pactCase.states]));
  const failures = outcome.failures.map((failure) => {
    const causes = (statesOf.get(failure.interaction) ?? [])
      .filter((state) => stateErrors.has(state.name))
      .map((state) => `provider state "${state.name}" could not be set up: ${stateErrors.get(state.name)}`);
    return causes.length === 0 ? failure : { ...failure, messages: [...causes, ...failure.messages] };
  });
  return {
    ...outcome,
    failures,
    stateErrors: [...stateErrors].map(([state, reason]) => ({ state, reason })),
  };
}
