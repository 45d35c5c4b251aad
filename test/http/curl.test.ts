import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { buildRequest } from '../../src/engine/request';
import type { ConformanceCase } from '../../src/engine/case';
import type { TokenProvider } from '../../src/target/credentials';
import { toCurl } from '../../src/http/curl';
import type { HttpRequest } from '../../src/http/transport';

const SECRET = 'secret-token-0123456789abcdef';
const request = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  path: '/applications/575ec8687ae143cd83dc4a97/flows',
  headers: { accept: 'application/json', authorization: `Bearer ${SECRET}` },
  ...overrides,
});

/** Whether a curl is installed to ask; the tests of its exit code need one. */
const hasCurl = (() => {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('http: a failure’s request as curl', () => {
  it('adds -g when the URL holds brackets, so curl does not read them as a glob', () => {
    const bracketed = toCurl('http://api.test', request({ query: 'triggerFilter[0][type]=webhook' }));
    expect(bracketed.startsWith('curl -g -X GET ')).to.equal(true);
    expect(toCurl('http://api.test', request({ query: 'page=0' }))).to.match(/^curl -X GET /);
  });

  it('the bracketed command is one curl accepts (exit 7: no server, not 3: bad URL)', function () {
    if (!hasCurl) this.skip();
    const command = toCurl('http://127.0.0.1:9', request({ query: 'triggerFilter[0][type]=webhook' }));
    let code = 0;
    try {
      execFileSync('sh', ['-c', `${command} --max-time 5 -s -o /dev/null`], { stdio: 'ignore' });
    } catch (error) {
      code = (error as { status: number }).status;
    }
    expect(code).to.not.equal(3);
  });

  it('names the token by its scope in place of the secret; redacts it when the request does not say', () => {
    const named = toCurl('http://api.test', request({ authLabel: 'token with flows.get' }));
    expect(named).to.include("-H 'authorization: Bearer <token with flows.get>'");
    expect(named).to.not.include(SECRET);
    const bare = toCurl('http://api.test', request());
    expect(bare).to.include("-H 'authorization: Bearer [REDACTED]'");
    expect(bare).to.not.include(SECRET);
  });

  it('the request builder labels each token by what it is', async () => {
    const tokens = {
      tokenFor: async () => SECRET,
      principalToken: async () => SECRET,
      revokedToken: async () => SECRET,
      expiredToken: async () => SECRET,
      otherApplicationToken: async () => SECRET,
    } as unknown as TokenProvider;
    const testCase = { id: 'x', action: 'flows.get' } as unknown as ConformanceCase;
    const context = { testCase, applicationId: '575ec8687ae143cd83dc4a97', placeholders: {}, tokens };
    const built = async (auth: NonNullable<Parameters<typeof buildRequest>[0]['auth']>) =>
      (await buildRequest({ auth }, context as Parameters<typeof buildRequest>[1])).authLabel;
    expect(await built({ kind: 'scope', scope: 'flows.get' })).to.equal('token with flows.get');
    expect(await built({ kind: 'revoked', scope: 'flows.get' })).to.equal('revoked token with flows.get');
    expect(await built({ kind: 'none' })).to.equal(undefined);
  });
});
