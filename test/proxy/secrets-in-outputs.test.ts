import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MOCK_APPLICATION_ID, MOCK_USER } from '../../src/mock';
import { HAR_FILE, writeProxyReports } from '../../src/proxy';
import { SECRET_STORE_UNITS } from '../../src/http/redact';
import { proxiedMock, type ProxiedMock } from './support';

/** One distinct secret per place, so that a leak names the place it came from. */
const secret = (place: string): string => `S3cr3t-${place}-7f6e5d4c`;
const PLACES = [
  'query-access-token',
  'query-api-key',
  'x-api-key',
  'cookie',
  'form-password',
  'nested-password',
  'apikey-key',
  'credential-key',
  'pass-key',
  'pwd-key',
  'array-token',
  'large-body-password',
  'late-password',
] as const;

const nested = (depth: number, inner: unknown): unknown =>
  depth === 0 ? inner : { level: nested(depth - 1, inner) };

/** Seen secrets added until the store has no room left for even the shortest one. */
function fillUp(proxied: ProxiedMock): void {
  const { log } = proxied.proxy;
  let index = 0;
  for (const size of [4096, 64, 4])
    for (let dropped = log.redactor.dropped; log.redactor.dropped === dropped; index++)
      log.addSecret(`${index}:`.padEnd(size, 'x'));
}

describe('proxy: no secret of any kind in the HAR or the reports', () => {
  let proxied: ProxiedMock;
  let reportDir: string;
  let mintedToken: string;
  let lateToken: string;

  before(async function () {
    this.timeout(30_000);
    proxied = await proxiedMock();
    const flows = `${proxied.url}/applications/${MOCK_APPLICATION_ID}/flows`;
    const login = async (password: string) =>
      fetch(`${proxied.url}/auth/user`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: MOCK_USER.email, password }),
      });
    mintedToken = ((await (await login(MOCK_USER.password)).json()) as { token: string }).token;
    const auth = { authorization: `Bearer ${mintedToken}` };
    await fetch(`${flows}?access_token=${secret('query-access-token')}&api_key=${secret('query-api-key')}`, {
      headers: { ...auth, 'x-api-key': secret('x-api-key'), cookie: `sid=${secret('cookie')}` },
    });
    await fetch(`${proxied.url}/auth/user`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=a%40b.c&password=${secret('form-password')}`,
    });
    const body = {
      name: 'proxy secrets',
      description: 'a one-character CSI \u009b31m and a right-to-left override \u202e',
      deep: nested(12, { password: secret('nested-password') }),
      apiKey: secret('apikey-key'),
      credential: secret('credential-key'),
      pass: secret('pass-key'),
      pwd: secret('pwd-key'),
      tokens: [secret('array-token')],
    };
    await fetch(flows, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    // The store of seen secrets filled up: a later login's password and token go by structure.
    fillUp(proxied);
    expect(proxied.proxy.log.secrets.join('').length).to.be.at.most(SECRET_STORE_UNITS);
    lateToken = ((await (await login(MOCK_USER.password)).json()) as { token: string }).token;
    await fetch(flows, { headers: { authorization: `Bearer ${lateToken}` } });
    await login(secret('late-password'));
    // Last: the proxy may close the connection on so large an upload (issue 20, a low item).
    await fetch(flows, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ password: secret('large-body-password'), filler: 'f'.repeat(1024 * 1024 + 10) }),
    });
    reportDir = mkdtempSync(path.join(os.tmpdir(), 'proxy-secrets-'));
    await writeProxyReports(proxied.proxy.log, reportDir, '0.0.0-test');
  });

  after(async () => {
    await proxied.close();
    rmSync(reportDir, { recursive: true, force: true });
  });

  it('the HAR is written and holds every exchange, every control character as its JSON escape', () => {
    const text = readFileSync(path.join(reportDir, HAR_FILE), 'utf8');
    const har = JSON.parse(text) as { log: { entries: unknown[] } };
    expect(har.log.entries.length).to.equal(proxied.proxy.log.records.length);
    expect(text).to.include('\\u009b31m');
    expect(text).not.to.match(/[\u007F-\u009F\u202A-\u202E]/);
  });

  for (const place of PLACES)
    it(`${place}: in no file`, () => {
      const files = readdirSync(reportDir);
      expect(files).to.include(HAR_FILE);
      for (const file of files)
        expect(readFileSync(path.join(reportDir, file), 'utf8'), file).not.to.include(secret(place));
    });

  it('the minted tokens (one seen after the store was full) and the user’s password: in no file', () => {
    expect(proxied.proxy.log.secrets).not.to.include(lateToken);
    for (const file of readdirSync(reportDir)) {
      const content = readFileSync(path.join(reportDir, file), 'utf8');
      expect(content, file).not.to.include(mintedToken);
      expect(content, file).not.to.include(lateToken);
      expect(content, file).not.to.include(MOCK_USER.password);
    }
  });
});
