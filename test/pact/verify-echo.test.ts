import { expect } from 'chai';
import { XMLValidator } from 'fast-xml-parser';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockServer, MOCK_APPLICATION_ID, type MockServer } from '../../src/mock';
import { VERIFICATION_JSON, VERIFICATION_JUNIT } from '../../src/pact/verification-report';
import { runCli, type ChildResult } from '../support/cli';
import { sharedPactDir } from '../support/pacts';
import { startFront, type LoopbackFront } from './support/loopback-front';

const ADMIN_TOKEN = 'verify-echo-admin-token-0123456789';
/** A terminal's clear-screen, a window title ended by BEL, and a one-character CSI (C1). */
const ESCAPES = '\u001b[2J\u001b]0;pwned\u0007\u009b31m';
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

describe('verify against a target that echoes what it is sent', function () {
  this.timeout(120_000);
  let mock: MockServer;
  let front: LoopbackFront;
  let reportDir: string;
  let outside: string;
  let result: ChildResult;
  const tokensSent = new Set<string>();

  before(async () => {
    const pactDir = await sharedPactDir();
    mock = await createMockServer({ adminToken: ADMIN_TOKEN });
    const mockUrl = await mock.listen(0, '127.0.0.1');
    front = await startFront(mockUrl, {
      rewriteAnswer: ({ body, requestHeaders, path: answered }) => {
        const authorization = String(requestHeaders.authorization ?? '');
        const token = /^Bearer (.+)$/.exec(authorization)?.[1];
        // Only the tokens the mock minted: the pact's own placeholder is no secret.
        if (token && mock.store.tokenBySecret(token)) tokensSent.add(token);
        if (!answered.includes('/flows')) return { headers: { 'content-type': 'application/json' }, body };
        // The request's credentials and control characters, where the pact expects a flows body.
        return {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify([`${ESCAPES} ${authorization}`]),
        };
      },
    });
    const root = mkdtempSync(path.join(os.tmpdir(), 'flows-verify-echo-'));
    reportDir = path.join(root, 'reports');
    outside = path.join(root, 'outside');
    mkdirSync(reportDir);
    mkdirSync(outside);
    for (const file of [VERIFICATION_JSON, VERIFICATION_JUNIT]) {
      writeFileSync(path.join(outside, file), 'untouched');
      symlinkSync(path.join(outside, file), path.join(reportDir, file));
    }
    result = await runCli([
      'verify',
      '--target',
      front.url,
      '--application-id',
      MOCK_APPLICATION_ID,
      '--admin-token',
      ADMIN_TOKEN,
      '--mock-only-tokens',
      '--pact-dir',
      pactDir,
      '--report-dir',
      reportDir,
    ]);
  });

  after(async () => {
    await front.close();
    await mock.close();
    rmSync(path.dirname(reportDir), { recursive: true, force: true });
  });

  it('fails the target, having minted tokens and met the echoes', () => {
    expect(result.code).to.equal(1);
    expect(tokensSent.size).to.be.above(0);
    expect(result.stdout).to.include('pwned');
  });

  it('prints no raw control character, on stdout or stderr', () => {
    expect(result.stdout).not.to.match(RAW_CONTROL);
    expect(result.stderr).not.to.match(RAW_CONTROL);
    expect(result.stdout).to.include('\\u001b');
  });

  it('prints no token it minted, nor the admin token', () => {
    for (const token of [...tokensSent, ADMIN_TOKEN]) {
      expect(result.stdout).not.to.include(token);
      expect(result.stderr).not.to.include(token);
    }
  });

  it('writes its reports in place of links planted under their names, never through them', () => {
    for (const file of [VERIFICATION_JSON, VERIFICATION_JUNIT]) {
      expect(readFileSync(path.join(outside, file), 'utf8')).to.equal('untouched');
      expect(lstatSync(path.join(reportDir, file)).isSymbolicLink(), file).to.equal(false);
    }
  });

  it('writes reports that hold no token and no raw control character; the JUnit is valid XML', () => {
    for (const file of [VERIFICATION_JSON, VERIFICATION_JUNIT]) {
      const content = readFileSync(path.join(reportDir, file), 'utf8');
      for (const token of tokensSent) expect(content, file).not.to.include(token);
      expect(content, file).not.to.match(RAW_CONTROL);
    }
    expect(XMLValidator.validate(readFileSync(path.join(reportDir, VERIFICATION_JUNIT), 'utf8'))).to.equal(
      true,
    );
  });
});
