import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN_TOKEN, listeningMock, urlLayer } from './support';
import { runMain } from '../support/in-process-cli';

/**
 * `flows-conformance run` through the in-process main() (its exit code as process.exitCode): the spawned
 * entry's exit codes are shown by test/e2e/separate-process.test.ts and the package test.
 */
const cli = (args: string[]) => runMain(args, { NO_COLOR: '1' });

const dir = mkdtempSync(path.join(tmpdir(), 'fc-cli-'));

describe('runner: flows-conformance run exit codes', function () {
  this.timeout(60_000);

  it('0 on the embedded mock, with every report written', async () => {
    const reports = path.join(dir, 'ok');
    const { code, stdout } = await cli(['run', '--grep', '^GET flows: sortField', '--report-dir', reports]);
    expect(code).to.equal(0);
    expect(stdout).to.include(reports);
    const json = JSON.parse(readFileSync(path.join(reports, 'conformance.json'), 'utf8')) as {
      summary: { total: number; passed: number };
    };
    expect(json.summary.total).to.equal(json.summary.passed).and.to.be.above(0);
  });

  it('1 against a broken target; no token in any report; 0 once the failures are expected', async () => {
    const { mock, url } = await listeningMock(['sort-ignores-direction']);
    const layer = urlLayer(url);
    const args = [
      'run',
      '--target',
      url,
      '--application-id',
      String(layer.applicationId),
      '--other-application-id',
      String(layer.otherApplicationId),
      '--mock-only-tokens',
      '--grep',
      'sortDirection=desc',
    ];
    const env = { FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN };
    Object.assign(process.env, env);
    try {
      const reports = path.join(dir, 'broken');
      const failed = await cli([...args, '--report-dir', reports]);
      expect(failed.code).to.equal(1);
      for (const file of ['conformance.json', 'junit.xml', 'summary.md', 'index.html']) {
        expect(readFileSync(path.join(reports, file), 'utf8'), file).to.not.include(ADMIN_TOKEN);
      }
      const report = JSON.parse(readFileSync(path.join(reports, 'conformance.json'), 'utf8')) as {
        results: { id: string; key: string; outcome: string }[];
      };
      const failedCases = report.results.filter((result) => result.outcome === 'failed');
      expect(failedCases.length).to.be.greaterThan(0);
      const expectations = path.join(dir, 'expectations.json');
      // A file naming the cases by key, and one written before keys, naming them by sentence: both work.
      for (const naming of ['key', 'id'] as const) {
        writeFileSync(
          expectations,
          JSON.stringify({
            expectedFailures: Object.fromEntries(failedCases.map((result) => [result[naming], 'known'])),
          }),
        );
        const known = await cli([
          ...args,
          '--report-dir',
          path.join(dir, `known-by-${naming}`),
          '--expectations',
          expectations,
        ]);
        expect(known.code, naming).to.equal(0);
      }
      writeFileSync(
        expectations,
        JSON.stringify({ expectedFailures: { 'GET flows: no such case': 'stale' } }),
      );
      const stale = await cli([
        ...args,
        '--report-dir',
        path.join(dir, 'stale'),
        '--expectations',
        expectations,
      ]);
      expect(stale.code).to.equal(1);
    } finally {
      delete process.env.FLOWS_CONFORMANCE_ADMIN_TOKEN;
      await mock.close();
    }
  });

  describe('what the terminal says, and --max-skipped', () => {
    /** One paging case and the four cases that need a second application, which is not given. */
    const argsFor = (url: string) => [
      'run',
      '--target',
      url,
      '--application-id',
      String(urlLayer(url).applicationId),
      '--grep',
      'perPage=3&page=0 gives|token of another application is refused',
    ];
    const env = { FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN, NO_COLOR: '1' };

    it('a failure shows the value the server sent beside the expected one; skips are counted by reason', async () => {
      const { mock, url } = await listeningMock(['wrong-total-count']);
      try {
        const run = await runMain([...argsFor(url), '--report-dir', path.join(dir, 'total')], env);
        expect(run.code).to.equal(1);
        expect(run.stderr).to.include(
          'pageWindow: page <n>: <n> items, {"count":<n>,"totalCount":<n>,"page":<n>,"perPage":<n>} (at /totalCount) (1 case)',
        );
        expect(run.stderr).to.include('      /totalCount: 3, expected 16\n');
        expect(run.stderr).to.include('4 skipped: 4 no second application given (--other-application-id)\n');
      } finally {
        await mock.close();
      }
    });

    it('--max-skipped N passes a run that skipped N cases and fails one that skipped more, saying why', async () => {
      const { mock, url } = await listeningMock();
      try {
        const atLimit = await runMain(
          [...argsFor(url), '--max-skipped', '4', '--report-dir', path.join(dir, 'limit')],
          env,
        );
        expect(atLimit.code, atLimit.stderr).to.equal(0);
        const above = await runMain(
          [...argsFor(url), '--max-skipped', '3', '--report-dir', path.join(dir, 'above')],
          env,
        );
        expect(above.code).to.equal(1);
        expect(above.stderr).to.include('flows-conformance: 4 cases skipped, more than --max-skipped 3');
        const bad = await runMain(['run', '--max-skipped', 'many'], env);
        expect(bad.code).to.equal(2);
        expect(bad.stderr).to.include('--max-skipped must be an integer');
      } finally {
        await mock.close();
      }
    });
  });

  describe('--grep against a target whose set-up breaks (issue 20)', () => {
    const env = { FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN, NO_COLOR: '1' };
    const targetArgs = (url: string) => [
      'run',
      '--target',
      url,
      '--application-id',
      String(urlLayer(url).applicationId),
      '--mock-only-tokens',
    ];

    it('1, with the set-up case that failed, when the Import the selected cases need is broken', async () => {
      const { mock, url } = await listeningMock(['import-no-id-maps']);
      try {
        const reports = path.join(dir, 'grep-broken-setup');
        const { code } = await runMain(
          [...targetArgs(url), '--grep', '^GET flows/version:', '--report-dir', reports],
          env,
        );
        const report = JSON.parse(readFileSync(path.join(reports, 'conformance.json'), 'utf8')) as {
          results: { id: string; outcome: string }[];
        };
        const outcome = (id: string) => report.results.find((result) => result.id === id)?.outcome;
        // The cases reading the versions are skipped; the set-up case --grep brought in says why and fails.
        expect(report.results.filter((result) => result.outcome === 'skipped')).to.not.have.length(0);
        expect(outcome('POST flows/import: set-up: the versioned data set is created by Import')).to.equal(
          'failed',
        );
        expect(code).to.equal(1);
      } finally {
        await mock.close();
      }
    });

    it('1, with the reason on stderr, when every selected case was skipped', async () => {
      const { mock, url } = await listeningMock();
      try {
        // No --other-application-id: the cases about another application's token cannot run.
        const reports = path.join(dir, 'grep-all-skipped');
        const { code, stderr } = await runMain(
          [
            ...targetArgs(url),
            '--grep',
            'a token of another application is refused',
            '--report-dir',
            reports,
          ],
          env,
        );
        expect(stderr).to.match(/every selected case \(\d+\) was skipped, so the run shows nothing: .+/);
        expect(code).to.equal(1);
      } finally {
        await mock.close();
      }
    });
  });

  it('2 with one line on a usage error, 3 on an unreachable target', async () => {
    for (const args of [
      ['run', '--shard', '3/2'],
      [
        'run',
        '--target',
        'http://127.0.0.1:9',
        '--application-id',
        '575ec8687ae143cd83dc4a97',
        '--admin-token',
        'x',
        '--timeout',
        '1000',
      ],
      ['run', '--expectations', path.join(dir, 'missing.json')],
    ]) {
      const reportDir = path.join(dir, `usage-${args.length}`);
      const { code, stderr } = await runMain([...args, '--report-dir', reportDir], { NO_COLOR: '1' });
      expect(code, args.join(' ')).to.equal(args.includes('--target') ? 3 : 2);
      if (args.includes('--target'))
        expect(readFileSync(path.join(reportDir, 'junit.xml'), 'utf8')).to.include('not run: ');
      expect(stderr.trim().split('\n'), stderr).to.have.length(1);
      expect(stderr)
        .to.match(/^flows-conformance: /)
        .and.not.include('    at ');
    }
  });
});
