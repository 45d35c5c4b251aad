import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { createMockServer, MOCK_APPLICATION_ID, type MockServer } from '../../src/mock';
import { PACKAGE_ROOT } from '../../src/paths';
import { cliArgv } from '../support/built-cli';
import { runMain } from '../support/in-process-cli';

describe('proxy: the CLI', function () {
  this.timeout(90_000);

  for (const [args, message] of [
    [['proxy'], /--target URL is required/],
    [['proxy', '--target', 'ftp://example.com'], /--target must be http or https/],
    [['proxy', '--target', 'http://127.0.0.1:1', '--port', '70000'], /--port must be 0-65535/],
    [['proxy', '--target', 'http://127.0.0.1:1', '--timeout', '0'], /--timeout must be/],
  ] as const) {
    it(`${args.slice(1).join(' ') || 'no --target'}: one line, exit 2`, async () => {
      const result = await runMain(args);
      expect(result.code).to.equal(2);
      expect(result.stderr).to.match(message);
      expect(result.stderr.trim().split('\n')).to.have.length(1);
    });
  }

  describe('a process of its own, stopped by SIGTERM', () => {
    let mock: MockServer;
    let reportDir: string;
    let stdout = '';
    let code: number | null = null;
    let token: string;
    before(async () => {
      mock = await createMockServer();
      const target = await mock.listen(0, '127.0.0.1');
      token = mock.tokenFor(['flows.get']);
      reportDir = mkdtempSync(path.join(os.tmpdir(), 'proxy-cli-'));
      const child = spawn(
        process.execPath,
        cliArgv(['proxy', '--target', target, '--port', '0', '--report-dir', reportDir]),
        { cwd: PACKAGE_ROOT },
      );
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the proxy did not start within 60 s')), 60_000);
        child.stdout.on('data', () => {
          const match = /flows-conformance proxy listening on (http:\/\/\S+)/.exec(stdout);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.on('exit', () => reject(new Error(`the proxy exited before listening: ${stdout}`)));
      });
      const answer = await fetch(`${url}/applications/${MOCK_APPLICATION_ID}/flows`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status).to.equal(200);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      code = await exited;
    });
    after(async () => {
      await mock.close();
      rmSync(reportDir, { recursive: true, force: true });
    });

    it('prints where it listens, then the judged exchanges and the reports; exit 0', () => {
      expect(stdout).to.match(/^flows-conformance proxy listening on http:\/\/127\.0\.0\.1:\d+\n/);
      expect(stdout).to.include('judged exchanges: 1 cases: 1 passed, 0 failed');
      expect(code).to.equal(0);
    });

    it('writes the reports and the HAR, with no token in them', () => {
      const files = readdirSync(reportDir);
      expect(files).to.include.members([
        'conformance.json',
        'summary.md',
        'index.html',
        'junit.xml',
        'exchanges.har',
      ]);
      for (const file of files)
        expect(readFileSync(path.join(reportDir, file), 'utf8')).not.to.include(token);
    });
  });
});
