import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type ChildResult } from '../support/cli';

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

describe('cli: bad input gets one line and exit 2', function () {
  this.timeout(120_000);
  const results: ChildResult[] = [];

  before(async () => {
    // A few at a time: each is a Node process compiling the sources with tsx.
    for (let at = 0; at < BAD_CALLS.length; at += 4)
      results.push(
        ...(await Promise.all(
          BAD_CALLS.slice(at, at + 4).map((args) => runCli(args, { NO_COLOR: '1', PACT_BROKER_TOKEN: '' })),
        )),
      );
  });

  BAD_CALLS.forEach((args, index) => {
    it(`flows-conformance ${args.map((arg) => arg.replace(dir, '<tmp>')).join(' ')}`, () => {
      const { code, stderr } = results[index];
      const lines = stderr.trim().split('\n');
      expect(code, stderr).to.equal(2);
      expect(lines, stderr).to.have.length(1);
      expect(lines[0]).to.match(/^(flows-conformance: |error: )/);
      expect(stderr).to.not.match(/\n\s+at /);
    });
  });
});
