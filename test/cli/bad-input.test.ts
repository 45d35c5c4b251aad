import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { cliArgv } from '../support/built-cli';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli';
import { runMain } from '../support/in-process-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'fc-bad-input-'));
const aFile = path.join(dir, 'a-file');
writeFileSync(aFile, 'not a folder');
const notJson = path.join(dir, 'not-json.json');
writeFileSync(notJson, '{ nope');

/** Every command, given bad input: one line on stderr, exit 2, no stack trace, nothing hangs. */
const BAD_CALLS: readonly (readonly string[])[] = [
  ['no-such-command'],
  ['run', '--no-such-flag'],
  ['run', '--concurrency', '0'],
  ['run', '--timeout', 'soon'],
  ['run', '--shard', '3/2'],
  ['run', '--target', 'ftp://example.test', '--application-id', 'x', '--admin-token', 'y'],
  ['run', '--target', 'http://127.0.0.1:9', '--application-id', '575ec8687ae143cd83dc4a97'],
  ['run', '--tokens', notJson],
  ['run', '--grep', 'no case has an id like this'],
  ['run', '--target', 'http://127.0.0.1:9', '--application-id', 'not-an-id', '--admin-token', 'y'],
  [
    'run',
    '--other-application-id',
    '575ec8687ae143cd83dc4a97',
    '--application-id',
    '575ec8687ae143cd83dc4a97',
  ],
  ['run', '--config', notJson],
  ['run', '--report-dir', aFile],
  ['mock', '--port', 'many'],
  ['mock', '--seed', notJson],
  ['merge', path.join(dir, 'missing'), '--report-dir', dir],
  ['merge', notJson, '--report-dir', dir],
  ['pacts', '--pact-dir', aFile],
  ['pacts', '--consumer', '../escape'],
  ['verify', '--pact-dir', dir],
  ['verify', '--target', 'not a url'],
  ['publish'],
  ['publish', '--broker-url', 'http://127.0.0.1:9', '--consumer-version', '1', '--pact-dir', dir],
  ['can-i-deploy'],
];

/** A target or broker that does not answer is no mistake in the call: one line, exit 3. */
const UNREACHABLE_CALLS: readonly (readonly string[])[] = [
  ['can-i-deploy', '--broker-url', 'http://127.0.0.1:9', '--pacticipant', 'x', '--version', '1'],
  [
    'run',
    '--target',
    'http://127.0.0.1:9',
    '--application-id',
    '575ec8687ae143cd83dc4a97',
    '--admin-token',
    'an-admin-token',
    '--timeout',
    '1000',
  ],
];

const expectOneLine =
  (exitCode: number) =>
  ({ code, stderr }: { code: number | null; stderr: string }): void => {
    const lines = stderr.trim().split('\n');
    expect(code, stderr).to.equal(exitCode);
    expect(lines, stderr).to.have.length(1);
    expect(lines[0]).to.match(/^(flows-conformance: |error: )/);
    expect(stderr).to.not.match(/\n\s+at /);
  };
const expectOneLineExit2 = expectOneLine(2);

const label = (args: readonly string[]): string => args.map((arg) => arg.replace(dir, '<tmp>')).join(' ');
const ENV = { NO_COLOR: '1', PACT_BROKER_TOKEN: '' };

describe('cli: bad input gets one line and exit 2', function () {
  this.timeout(60_000);

  for (const args of BAD_CALLS)
    it(`flows-conformance ${label(args)}`, async () => expectOneLineExit2(await runMain(args, ENV)));

  for (const args of UNREACHABLE_CALLS)
    it(`unreachable, exit 3: flows-conformance ${label(args)}`, async () =>
      expectOneLine(3)(await runMain(args, ENV)));

  // The same main() as above, as a user's shell starts it: the exit code and stderr of a real process.
  for (const args of [['no-such-command'], ['mock', '--port', 'many']])
    it(`in a process of its own: flows-conformance ${label(args)}`, async () =>
      expectOneLineExit2(await runCli(args, ENV)));
});

describe('cli: a reader that stops early', function () {
  this.timeout(60_000);

  it('a reader gone before the first byte (`openapi | true`): exit 0, nothing on stderr, no EPIPE stack trace', async () => {
    const child = spawn(process.execPath, cliArgv(['openapi']), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.destroy(); // the reader is gone before the first byte: every write fails with EPIPE
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).to.equal('');
    expect(code).to.equal(0);
  });
});
