import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PACKAGE_ROOT, FIXTURE_DIR } from '../../src/paths';
import { cliArgv } from '../support/built-cli';
import { runMain } from '../support/in-process-cli';

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, cliArgv(args), {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const firstLine = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited ${code} before printing a line`)));
  });

const exitOf = (child: ChildProcess): Promise<{ code: number | null; stderr: string; stdout: string }> =>
  new Promise((resolve) => {
    let stderr = '';
    let stdout = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.once('exit', (code) => resolve({ code, stderr, stdout }));
  });

describe('mock: CLI (flows-conformance mock)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`--port 0 prints the one ready line with the real port, serves, and exits 0 on ${signal}`, async () => {
      const child = start([
        'mock',
        '--port',
        '0',
        '--admin-token',
        'cli-token',
        '--seed',
        path.join(FIXTURE_DIR, 'seeds', 'example.json'),
      ]);
      const exited = exitOf(child);
      const line = await firstLine(child);
      const match = /^flows-conformance mock listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
      expect(match, line).not.to.equal(null);
      expect(Number(match![2])).to.be.greaterThan(0);
      const response = await fetch(`${match![1]}/applications/575ec8687ae143cd83dc4a97/flows`, {
        headers: { Authorization: 'Bearer cli-token' },
      });
      expect(response.status).to.equal(200);
      expect(((await response.json()) as { totalCount: number }).totalCount).to.equal(4);
      child.kill(signal);
      const { code, stdout } = await exited;
      expect(code).to.equal(0);
      expect(stdout, 'exactly one line on stdout').to.equal(`${line}\n`);
    });
  }

  for (const [name, args, message] of [
    ['a bad port', ['--port', 'abc'], '--port'],
    ['an unreadable seed', ['--seed', '/nonexistent/seed.json'], 'seed'],
    [
      'an invalid seed',
      ['--seed', path.join(FIXTURE_DIR, 'reference-examples', 'workflow-post.json')],
      'seed',
    ],
    ['an unknown flag', ['--bogus'], 'bogus'],
    ['an unknown variant', ['--variant', 'bogus'], '--variant must be one of reference, other-choices'],
  ] as const) {
    it(`${name}: one line on stderr and exit 2`, async () => {
      const { code, stderr } = await runMain(['mock', ...args]);
      expect(code).to.equal(2);
      expect(stderr.trim().split('\n')).to.have.length(1);
      expect(stderr).to.include(message);
    });
  }

  it('--variant other-choices serves the variant (upper-case ids, sorted keys)', async () => {
    const child = start(['mock', '--port', '0', '--admin-token', 'cli-token', '--variant', 'other-choices']);
    const exited = exitOf(child);
    const base = /listening on (\S+)$/.exec(await firstLine(child))![1];
    const response = await fetch(`${base}/applications/575ec8687ae143cd83dc4a97/flows`, {
      headers: { Authorization: 'Bearer cli-token' },
    });
    const text = await response.text();
    expect(text).to.match(/^\{"applicationId":"575EC8687AE143CD83DC4A97","count":0,/);
    child.kill('SIGTERM');
    expect((await exited).code).to.equal(0);
  });

  it('--help documents the credentials and the mock-only route', async () => {
    const { code, stdout } = await exitOf(start(['mock', '--help']));
    expect(code).to.equal(0);
    expect(stdout).to.include('conformance@flows-conformance.dev').and.include('flows-conformance-password');
    expect(stdout).to.include('/mock-only/tokens');
  });
});
