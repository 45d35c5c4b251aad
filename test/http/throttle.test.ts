import { expect } from 'chai';
import { retryAfterMs } from '../../src/http/retry-after';
import { sendHonouringThrottle, type ThrottlePolicy } from '../../src/http/throttle';
import { TransportError, type HttpResponse } from '../../src/http/transport';

const answer = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  bodyText: '',
  json: { ok: false, error: 'the body is empty' },
  durationMs: 1,
});

/** The answers in order, then the last one for ever; counts the attempts. */
function scripted(...answers: HttpResponse[]) {
  let attempts = 0;
  return {
    attempt: async () => answers[Math.min(attempts++, answers.length - 1)],
    attempts: () => attempts,
  };
}

const POLICY: ThrottlePolicy = { maxRetries: 3, maxWaitMs: 5000, defaultWaitMs: 1000 };

describe('http: Retry-After and the 429 policy', () => {
  it('Retry-After reads delay-seconds and HTTP-dates; anything else is unreadable', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    expect(retryAfterMs('2', now)).to.equal(2000);
    expect(retryAfterMs(' 0 ', now)).to.equal(0);
    expect(retryAfterMs('Wed, 01 May 2024 12:00:03 GMT', now)).to.equal(3000);
    expect(retryAfterMs('Wed, 01 May 2024 11:00:00 GMT', now)).to.equal(0);
    expect(retryAfterMs('soon', now)).to.equal(undefined);
    expect(retryAfterMs('-1', now)).to.equal(undefined);
    expect(retryAfterMs(undefined, now)).to.equal(undefined);
  });

  it('waits what each Retry-After asks (the default when none is readable), then returns the answer', async () => {
    const waits: number[] = [];
    const target = scripted(answer(429, { 'retry-after': '2' }), answer(429), answer(200));
    const response = await sendHonouringThrottle(target.attempt, POLICY, async (ms) => {
      waits.push(ms);
    });
    expect(response.status).to.equal(200);
    expect(waits).to.deep.equal([2000, 1000]);
  });

  it('stops waiting at the cap: the request fails naming the retries and the cap', async () => {
    const waits: number[] = [];
    const target = scripted(answer(429, { 'retry-after': '3' }));
    const failure = await sendHonouringThrottle(target.attempt, POLICY, async (ms) => {
      waits.push(ms);
    }).catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(TransportError);
    expect((failure as TransportError).message).to.equal(
      '429 Too Many Requests persisted after 1 retries (Retry-After asks 3000 ms more; a request waits at most 5000 ms in all)',
    );
    expect(waits).to.deep.equal([3000]);
    expect(target.attempts()).to.equal(2);
  });

  it('a request is retried at most maxRetries times', async () => {
    const target = scripted(answer(429, { 'retry-after': '0' }));
    const failure = await sendHonouringThrottle(target.attempt, POLICY, async () => undefined).catch(
      (error: unknown) => error,
    );
    expect((failure as TransportError).kind).to.equal('throttled');
    expect((failure as TransportError).message).to.match(/persisted after 3 retries/);
    expect(target.attempts()).to.equal(4);
  });
});
