import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FAULT_NAMES, FAULTS, MOCK_APPLICATION_ID, MOCK_OTHER_APPLICATION_ID } from '../../src/mock';
import { PACKAGE_ROOT } from '../../src/paths';
import { renderJsonReport } from '../../src/reporters';
import { ADMIN_TOKEN, listeningMock } from '../runner/support';
import { mixedReport } from '../reporters/report-factory';
import { startMockProcess, stopMockProcess } from '../e2e/mock-process';
import { runMain } from '../support/in-process-cli';
import { runCli } from '../support/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'fc-newcomer-'));
const oneLine = (text: string): string[] => text.trim().split('\n');

/** A "broker" that accepts connections and never answers: the CLI's retries would take a minute. */
async function silentServer(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server };
}

describe('cli: for a newcomer', function () {
  this.timeout(60_000);

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = await runMain(['--version']);
    expect(result.code).to.equal(0);
    expect(result.stdout.trim()).to.equal(version);
  });

  it('an unknown flag gets a "did you mean", on one line, exit 2', async () => {
    const result = await runMain(['run', '--grpe', 'x']);
    expect(result.code).to.equal(2);
    expect(oneLine(result.stderr)).to.have.length(1);
    expect(result.stderr).to.match(/unknown option '--grpe'.*Did you mean --grep\?/);
  });

  it('mock --list-faults lists every fault with what it breaks', async () => {
    const result = await runMain(['mock', '--list-faults']);
    expect(result.code).to.equal(0);
    const lines = oneLine(result.stdout);
    expect(lines).to.have.length(FAULT_NAMES.length);
    expect(lines.find((line) => line.startsWith('error-body-as-text '))).to.contain(
      FAULTS['error-body-as-text'],
    );
  });

  it('mock --fault NAME refuses a name that is no fault, naming --list-faults', async () => {
    const result = await runMain(['mock', '--fault', 'no-such-fault']);
    expect(result.code).to.equal(2);
    expect(oneLine(result.stderr)).to.have.length(1);
    expect(result.stderr).to.contain('--list-faults');
  });

  it('mock --fault NAME (repeatable) serves the broken mock', async () => {
    const mock = await startMockProcess(['--fault', 'error-body-as-text', '--fault', 'no-www-authenticate']);
    try {
      const answer = await fetch(`${mock.url}/applications/${MOCK_APPLICATION_ID}/flows`, {
        signal: AbortSignal.timeout(5_000),
      });
      expect(answer.status).to.equal(401);
      expect(answer.headers.get('content-type')).to.match(/^text\/plain/);
      expect(answer.headers.get('www-authenticate')).to.equal(null);
    } finally {
      await stopMockProcess(mock);
    }
  });

  it('verify --publish-results without --target is refused: the mock’s results are not the provider’s', async () => {
    const result = await runMain(
      ['verify', '--broker-url', 'http://127.0.0.1:9', '--publish-results', '--provider-version', '1'],
      { PACT_BROKER_TOKEN: 'x' },
    );
    expect(result.code).to.equal(2);
    expect(oneLine(result.stderr)).to.have.length(1);
    expect(result.stderr).to.contain('--publish-results needs --target');
  });

  for (const kind of ['refused', 'silent'] as const)
    it(`a broker that is ${kind === 'refused' ? 'not there' : 'silent'}: publish, can-i-deploy and verify fail after the probe, exit 3, one line`, async () => {
      const silent = kind === 'silent' ? await silentServer() : undefined;
      const broker = silent?.url ?? 'http://127.0.0.1:9';
      const pactDir = path.join(dir, 'pacts');
      expect((await runMain(['pacts', '--pact-dir', pactDir])).code).to.equal(0);
      try {
        const calls = [
          ['publish', '--broker-url', broker, '--consumer-version', '1', '--pact-dir', pactDir],
          ['can-i-deploy', '--broker-url', broker, '--pacticipant', 'x', '--version', '1'],
          ['verify', '--broker-url', broker, '--report-dir', path.join(dir, 'verify-reports')],
        ];
        // Side by side, each in a process of its own, as three CI steps would run them.
        // The probe (src/pact/broker-probe.ts) bounds the wait; mocha's timeout catches a hang.
        const results = await Promise.all(calls.map((args) => runCli(args, { PACT_BROKER_TOKEN: 'x' })));
        for (const [at, result] of results.entries()) {
          const command = calls[at][0];
          expect(result.code, `${command}: ${result.stderr}`).to.equal(3);
          expect(oneLine(result.stderr), command).to.have.length(1);
          expect(result.stderr).to.contain('cannot be reached');
        }
      } finally {
        silent?.server.closeAllConnections();
        silent?.server.close();
      }
    });

  it('merge writes to reports/ when --report-dir is not given, as run does', async () => {
    const work = mkdtempSync(path.join(dir, 'cwd-'));
    writeFileSync(path.join(dir, 'conformance.json'), renderJsonReport(mixedReport()));
    const cwd = process.cwd();
    process.chdir(work);
    try {
      const result = await runMain(['merge', path.join(dir, 'conformance.json')]);
      expect(result.code, result.stderr).to.equal(0);
      expect(existsSync(path.join(work, 'reports', 'summary.md'))).to.equal(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('verify --help lists only the flags that act there', async () => {
    const { stdout } = await runMain(['verify', '--help']);
    expect(stdout).to.contain('--target');
    expect(stdout).to.contain('--broker-url');
    for (const runOnly of ['--concurrency', '--other-application-id', '--foreign-application-id', '--grep'])
      expect(stdout).to.not.contain(runOnly);
  });

  it('a config file’s unknown key is refused with the list of valid keys', async () => {
    const config = path.join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ target: 'http://x.test' }));
    const result = await runMain(['run', '--config', config]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(/unknown key "target" \(valid keys: baseUrl, applicationId, .*cleanup\)/);
    expect(result.stderr).to.not.contain('adminToken');
  });

  it('tokens.json and known-failures.json are ignored by git', () => {
    const ignored = readFileSync(path.join(PACKAGE_ROOT, '.gitignore'), 'utf8').split('\n');
    expect(ignored).to.include.members(['tokens.json', 'known-failures.json']);
  });

  it('run prints, after the totals line, each failed case by cause with expected and got, and the report', async () => {
    const { mock, url } = await listeningMock(['sort-ignores-direction']);
    const reports = path.join(dir, 'run-reports');
    try {
      const result = await runMain(
        [
          'run',
          '--target',
          url,
          '--application-id',
          MOCK_APPLICATION_ID,
          '--other-application-id',
          MOCK_OTHER_APPLICATION_ID,
          '--mock-only-tokens',
          '--grep',
          'sortDirection=desc',
          '--report-dir',
          reports,
        ],
        { FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN },
      );
      expect(result.code).to.equal(1);
      const lines = result.stderr.split('\n');
      const totals = lines.findIndex((line) => /^\d+ cases: /.test(line));
      expect(lines.slice(totals)).to.include.members([
        `Full report, with each request as curl: ${path.join(reports, 'index.html')}`,
      ]);
      const digest = lines.slice(totals + 1).join('\n');
      expect(digest).to.match(/Failures: \d+ cases?, \d+ causes?/);
      expect(digest).to.match(
        /\nsortedBy: items in this order: .* \(\d+ cases?\)\n[^]*?\n {2}GET flows: sortField=\w+&sortDirection=desc orders the items\n {6}items in this order: .+; expected ordered by \w+ desc/,
      );
      expect(result.stderr).to.not.contain(ADMIN_TOKEN);
    } finally {
      await mock.close();
    }
  });
});
