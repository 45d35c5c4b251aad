import { retryAfterMs } from './retry-after';
import { TransportError, type HttpResponse } from './transport';

/** How a transport answers `429 Too Many Requests`: wait as asked, within bounds, then give up. */
export interface ThrottlePolicy {
  /** Retries of one request after a 429. */
  readonly maxRetries: number;
  /** Total time one request may spend waiting on Retry-After. */
  readonly maxWaitMs: number;
  /** The wait when a 429 has no readable Retry-After. */
  readonly defaultWaitMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { maxRetries: 3, maxWaitMs: 5000, defaultWaitMs: 1000 };

/** Waiting out a server's Retry-After is the point here, not synchronisation. */
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)); // wait-ok

const persisted = (retries: number, detail: string): TransportError =>
  new TransportError(`429 Too Many Requests persisted after ${retries} retries (${detail})`, 'throttled');

/**
 * Sends through `attempt` until the answer is not a 429: at most maxRetries more times, waiting what
 * each Retry-After asks (seconds or an HTTP-date) as long as the total stays within maxWaitMs.
 */
export async function sendHonouringThrottle(
  attempt: () => Promise<HttpResponse>,
  policy: ThrottlePolicy,
  wait: (ms: number) => Promise<void> = delay,
): Promise<HttpResponse> {
  let waited = 0;
  for (let retries = 0; ; retries++) {
    const response = await attempt();
    if (response.status !== 429) return response;
    if (retries >= policy.maxRetries) throw persisted(retries, `waited ${waited} ms in all`);
    const asked = retryAfterMs(response.headers['retry-after']) ?? policy.defaultWaitMs;
    if (waited + asked > policy.maxWaitMs)
      throw persisted(
        retries,
        `Retry-After asks ${asked} ms more; a request waits at most ${policy.maxWaitMs} ms in all`,
      );
    await wait(asked);
    waited += asked;
  }
}
