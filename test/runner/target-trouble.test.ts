import { formatFailure } from '../../src/reporters/report-views';
import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MOCK_OTHER_APPLICATION_ID } from '../../src/mock';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLatencyProxy, type ProxyBehaviour } from '../../bench/latency-proxy';
import { ALL_CASES } from '../../specs/cases';
import type { RunReport } from '../../src/engine/results';
import { progressDisplay, writeReports } from '../../src/reporters';
import { RAW_CONTROL, startHostileProxy, type Hostility } from '../http/hostile-proxy';
import type { RawTargetConfig } from '../../src/target/config';
import { listeningMock, runOnUrl, startRunOnUrl } from './support';

/** Down, hanging and non-JSON targets: each run ends in bounded time with a complete report. */
describe('runner: a target in trouble', function () {
  this.timeout(60_000);

  const everyCaseFailedWith = (report: RunReport, reason: RegExp | string) => {
    expect(report.results).to.have.length(ALL_CASES.length);
    expect(report.summary.failed).to.equal(ALL_CASES.length);
    expect(report.summary.aborted).to.match(typeof reason === 'string' ? new RegExp(reason) : reason);
    for (const result of report.results) expect(result.failures[0].message).to.match(/^not run: /);
  };

  it('refused at start: a start error naming the target (the CLI exits 2), every case failed in the report', async () => {
    const outcome = await startRunOnUrl('http://127.0.0.1:9', { timeoutMs: 1000 });
    expect(outcome.startError).to.match(/unreachable.*ECONNREFUSED/);
    everyCaseFailedWith(outcome.report, /unreachable.*ECONNREFUSED/);
  });

  it('hanging from the start: a start error within the timeout, every case failed in the report', async () => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const outcome = await startRunOnUrl(url, { timeoutMs: 300 });
    server.closeAllConnections();
    server.close();
    expect(outcome.startError).to.include('no answer within 300 ms');
    everyCaseFailedWith(outcome.report, 'no answer within 300 ms');
  });

  it('a credential the application refuses (403) at start: a start error, every case failed', async () => {
    const { mock, url } = await listeningMock();
    const tokens = path.join(mkdtempSync(path.join(tmpdir(), 'fc-403-')), 'tokens.json');
    writeFileSync(
      tokens,
      JSON.stringify({ 'all.Application': mock.tokenFor(['all.Application'], MOCK_OTHER_APPLICATION_ID) }),
    );
    try {
      const outcome = await startRunOnUrl(url, { adminToken: undefined, tokensFile: tokens });
      expect(outcome.startError).to.match(/may not read application .* \(403\)/);
      everyCaseFailedWith(outcome.report, '403');
    } finally {
      await mock.close();
    }
  });

  for (const trouble of ['dies', 'hangs', 'html'] as const) {
    it(`${trouble} mid-run: every case has a result, the rest fail fast, the summary says so`, async () => {
      const { mock, url } = await listeningMock();
      let behaviour: ProxyBehaviour = 'forward';
      const proxy = await startLatencyProxy({ target: url, behaviour: () => behaviour });
      let finished = 0;
      const report = await runOnUrl(proxy.url, { timeoutMs: 400, concurrency: 4 }, [
        (event) => {
          if (event.type !== 'case:end' || ++finished !== 40) return;
          if (trouble === 'dies') void proxy.close();
          else behaviour = trouble === 'hangs' ? 'hang' : 'html';
        },
      ]);
      await proxy.close();
      await mock.close();
      expect(report.results).to.have.length(ALL_CASES.length);
      expect(report.summary.total).to.equal(ALL_CASES.length);
      expect(report.summary.failed).to.be.above(100);
      const failed = report.results.filter((result) => result.outcome === 'failed');
      if (trouble === 'html') {
        expect(failed.map((result) => result.failures[0].message).join('\n')).to.include('not JSON');
      } else {
        expect(report.summary.aborted).to.match(
          trouble === 'dies' ? /connection failed/ : /no answer within 400 ms/,
        );
        expect(failed.at(-1)?.failures[0].message).to.include('not run: the target did not answer');
      }
    });
  }

  /**
   * Once the cases start (the data set is in place), the proxy turns every Flows request hostile. Each
   * run ends (bounded by the mocha timeout) with a complete report whose failures give the reason.
   */
  async function runBehindHostileProxy(
    hostility: Hostility,
    extra: RawTargetConfig = {},
  ): Promise<RunReport> {
    const { mock, url } = await listeningMock();
    let casesStarted = false;
    const proxy = await startHostileProxy(url, (request) =>
      casesStarted && request.method !== 'DELETE' && /\/flows(\/|\?|$)/.test(request.url ?? '')
        ? hostility
        : 'forward',
    );
    try {
      return await runOnUrl(proxy.url, { concurrency: 4, ...extra }, [
        (event) => {
          if (event.type === 'run:start') casesStarted = true;
        },
      ]);
    } finally {
      await proxy.close();
      await mock.close();
    }
  }

  const passedCases = (report: RunReport): string[] =>
    report.results
      .filter((result) => result.outcome === 'passed' && result.aspect !== 'setup')
      .map((result) => result.id);

  const messagesOf = (report: RunReport): string =>
    report.results.flatMap((result) => result.failures.map(formatFailure)).join('\n');

  for (const status of ['500', '503'] as const) {
    it(`a storm of ${status}s: every case fails with the status given, none aborts the run`, async () => {
      const report = await runBehindHostileProxy(status);
      expect(report.results).to.have.length(ALL_CASES.length);
      // The set-up cases passed before the target turned hostile.
      expect(passedCases(report)).to.deep.equal([]);
      expect(report.summary.aborted).to.equal(undefined);
      for (const result of report.results.filter(
        (item) => item.outcome !== 'skipped' && item.aspect !== 'setup',
      ))
        expect(result.failures.map(formatFailure).join('\n')).to.include(
          `response: ${status} (application/json)`,
        );
    });
  }

  it('non-JSON under a JSON content type: failed checks saying so, never a crash', async () => {
    const report = await runBehindHostileProxy('garbage-json');
    expect(report.results).to.have.length(ALL_CASES.length);
    // Cases that look only at the status (an accepted scope gets 200) may pass; the rest fail.
    expect(report.summary.failed).to.be.above(ALL_CASES.length / 2);
    expect(report.summary.aborted).to.equal(undefined);
    expect(messagesOf(report)).to.include('the body is not JSON');
  });

  const aborting: [Hostility, RawTargetConfig, RegExp][] = [
    ['429', {}, /429 Too Many Requests persisted after 3 retries/],
    ['reset-mid-body', {}, /connection failed mid-body/],
    ['trickle', { timeoutMs: 400 }, /the answer did not end within 400 ms/],
  ];
  for (const [hostility, extra, reason] of aborting) {
    it(`${hostility} on every answer: the cases fail with the reason, then the run gives up`, async () => {
      const report = await runBehindHostileProxy(hostility, extra);
      expect(report.results).to.have.length(ALL_CASES.length);
      // The set-up cases passed before the target turned hostile.
      expect(passedCases(report)).to.deep.equal([]);
      expect(report.summary.aborted).to.match(reason);
      expect(messagesOf(report)).to.match(reason);
    });
  }

  it('huge bodies on every answer: each case fails with the cap, and the run goes on (the target answers)', async () => {
    const report = await runBehindHostileProxy('huge', { maxResponseBytes: 1024 * 1024 });
    expect(report.results).to.have.length(ALL_CASES.length);
    // The set-up cases passed before the target turned hostile.
    expect(passedCases(report)).to.deep.equal([]);
    expect(report.summary.aborted).to.equal(undefined);
    expect(messagesOf(report)).to.match(/response larger than 1048576 bytes/);
  });

  it('terminal escapes in error bodies: every report and the console show them as text', async () => {
    let console = '';
    const progress = progressDisplay({ write: (text: string) => (console += text) }, { tty: false });
    const { mock, url } = await listeningMock();
    let casesStarted = false;
    const proxy = await startHostileProxy(url, (request) =>
      casesStarted && request.method === 'GET' ? 'escapes' : 'forward',
    );
    let report: RunReport;
    try {
      report = await runOnUrl(proxy.url, { concurrency: 4, grep: '^GET flows: sort' }, [
        (event) => {
          if (event.type === 'run:start') casesStarted = true;
          progress.onEvent(event);
        },
      ]);
    } finally {
      await proxy.close();
      await mock.close();
    }
    expect(messagesOf(report)).to.include('\u001b]0;pwned\u0007');
    const dir = mkdtempSync(path.join(tmpdir(), 'fc-escapes-'));
    const { files, errors } = await writeReports(report, dir);
    expect(errors).to.deep.equal([]);
    for (const file of files) {
      const content = readFileSync(file, 'utf8');
      expect(content, file).to.not.match(RAW_CONTROL);
      if (!file.endsWith('.json')) expect(content, file).to.include('\\u001b]0;pwned\\u0007');
    }
    expect(console).to.not.match(RAW_CONTROL);
  });
});
