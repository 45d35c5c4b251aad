import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { TOKEN_STATES } from '../../specs/catalog/provider-states';
import { ALL_PACT_CASES } from '../../src/pact/interactions';
import { createProviderStates } from '../../src/pact/state-handlers';
import {
  VERIFICATION_JSON,
  VERIFICATION_JUNIT,
  writeVerificationReport,
} from '../../src/pact/verification-report';
import { withStateErrors } from '../../src/pact/verify';
import type { VerificationOutcome } from '../../src/pact/verifier-output';
import { TokenUnavailable, type TokenProvider } from '../../src/target';

const USER_STATE = 'a token with scope all.User';

/** Tokens for every scope but all.User, which (as with an admin token on a real server) cannot be had. */
const tokens = {
  tokenFor: (scope: string) =>
    scope === 'all.User'
      ? Promise.reject(new TokenUnavailable('the tokens endpoint cannot mint all.User'))
      : Promise.resolve(`token-of-${scope}`),
} as unknown as TokenProvider;

function filtered(filter: ReturnType<typeof createProviderStates>['requestFilter']): string | undefined {
  const request = { headers: { authorization: 'Bearer pact-dummy' } } as unknown as IncomingMessage;
  filter(request, undefined, () => undefined);
  return request.headers.authorization;
}

describe('verify: a provider state that cannot be set up', () => {
  it('is recorded, not thrown, and the previous token does not stay in place', async () => {
    const { stateHandlers, requestFilter, stateErrors } = createProviderStates({
      baseUrl: 'http://127.0.0.1:1',
      applicationId: '575ec8687ae143cd83dc4a97',
      tokens,
    });
    expect(TOKEN_STATES.map((state) => state.name)).to.include(USER_STATE);
    await stateHandlers['a token with scope flows.post']();
    expect(filtered(requestFilter)).to.equal('Bearer token-of-flows.post');
    expect(await stateHandlers[USER_STATE]()).to.equal(undefined);
    expect(filtered(requestFilter)).to.equal('Bearer pact-dummy');
    expect(stateErrors.get(USER_STATE)).to.equal('the tokens endpoint cannot mint all.User');
  });

  it('starts the messages of the interactions that use it with the reason', () => {
    const users = ALL_PACT_CASES.filter((pactCase) => pactCase.states.some((s) => s.name === USER_STATE));
    const other = ALL_PACT_CASES.find((pactCase) => !users.includes(pactCase));
    expect(users).to.not.have.length(0);
    const outcome: VerificationOutcome = {
      passed: false,
      failures: [
        { interaction: users[0].description, messages: ['expected 404 but was 401'] },
        { interaction: String(other?.description), messages: ['expected 200 but was 500'] },
      ],
      output: [],
      interactions: [],
      durationMs: 1,
    };
    const annotated = withStateErrors(outcome, new Map([[USER_STATE, 'cannot mint all.User']]));
    expect(annotated.failures[0].messages).to.deep.equal([
      `provider state "${USER_STATE}" could not be set up: cannot mint all.User`,
      'expected 404 but was 401',
    ]);
    expect(annotated.failures[1].messages).to.deep.equal(['expected 200 but was 500']);
    expect(annotated.stateErrors).to.deep.equal([{ state: USER_STATE, reason: 'cannot mint all.User' }]);
    expect(withStateErrors(outcome, new Map())).to.equal(outcome);
  });

  it('the verification reports hold no secret, even one a provider echoed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fc-verify-redact-'));
    try {
      const secret = 'mock.echoed-secret-token-0123456789ab';
      await writeVerificationReport(
        {
          provider: 'losant-flows-api',
          target: 'http://127.0.0.1:1',
          source: 'pacts',
          startedAt: new Date(0).toISOString(),
          outcome: {
            passed: false,
            failures: [{ interaction: 'x', messages: [`body: expected "a" but was "${secret}"`] }],
            output: [],
            interactions: [{ description: 'x', durationMs: 1 }],
            durationMs: 1,
          },
        },
        dir,
        [secret],
      );
      for (const file of [VERIFICATION_JSON, VERIFICATION_JUNIT]) {
        const text = readFileSync(path.join(dir, file), 'utf8');
        expect(text).to.not.contain(secret);
        expect(text).to.contain('[REDACTED]');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
