import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { MOCK_APPLICATION_ID, MOCK_OTHER_APPLICATION_ID } from '../../src/mock';
import { validatorFor } from '../../src/schemas/registry';
import type { SchemaName } from '../../specs/catalog';
import type { RecordedRequest } from '../latency-proxy';
import { BENCH_TOKEN, runCli, spawnBenchServer, spawnCliMock, stop, type Server } from '../processes';
import { figure } from '../report';
import { log, type BenchContext } from './context';

const SUITE_TIMEOUT_MS = 240_000;
const ENV = { FLOWS_CONFORMANCE_ADMIN_TOKEN: BENCH_TOKEN, FLOWS_CONFORMANCE_MOCK_ADMIN_TOKEN: BENCH_TOKEN };

/** The whole suite (the built CLI, a process of its own) against `url`; its own duration in ms. */
async function suite(context: BenchContext, url: string, concurrency?: number): Promise<number> {
  const reportDir = path.join(context.scratch, 'suite-report');
  const result = await runCli(
    [
      'run',
      '--target',
      url,
      '--application-id',
      MOCK_APPLICATION_ID,
      '--other-application-id',
      MOCK_OTHER_APPLICATION_ID,
      '--mock-only-tokens',
      '--report-dir',
      reportDir,
      ...(concurrency === undefined ? [] : ['--concurrency', String(concurrency)]),
    ],
    ENV,
    SUITE_TIMEOUT_MS,
  );
  if (result.code !== 0) throw new Error(`the suite failed against ${url} (exit ${result.code})`);
  const report = JSON.parse(readFileSync(path.join(reportDir, 'conformance.json'), 'utf8')) as {
    summary: { durationMs: number };
  };
  return report.summary.durationMs;
}

/** Everything the proxy recorded so far (over IPC: the requests carry tokens, so no file holds them). */
const recordedBy = (proxy: ChildProcess): Promise<RecordedRequest[]> =>
  new Promise((resolve) => {
    proxy.once('message', (message) => resolve(message as RecordedRequest[]));
    proxy.send({ dump: true });
  });

/** The schema an answer is checked against, as the suite would: by action and status. */
function schemaFor(request: RecordedRequest, status: number): SchemaName | undefined {
  if (status >= 400) return 'error';
  const route = request.path.split('?')[0];
  if (route.endsWith('/flows/import')) return 'workflowImportResult';
  if (route.endsWith('/flows/version')) return 'workflowVersions';
  if (route.endsWith('/flows')) return request.method === 'POST' ? 'workflow' : 'workflows';
  return undefined;
}

/** The bare loop: fetch, JSON.parse and ajv over the recorded requests, `concurrency` at a time. */
async function bareLoop(
  url: string,
  requests: readonly RecordedRequest[],
  concurrency: number,
): Promise<number> {
  const began = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      const { 'content-length': _length, connection: _connection, ...headers } = request.headers;
      const answer = await fetch(url + request.path, {
        method: request.method,
        headers,
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
      });
      const text = await answer.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        continue;
      }
      const schema = schemaFor(request, answer.status);
      if (schema) validatorFor(schema)(body);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - began;
}

/**
 * The runner's own cost, and the suite against a slow target: the mock (the CLI) and the proxies each in
 * a process of their own, the suite in another (the CLI's run), the bare loop in this one.
 */
export async function suitePhase(context: BenchContext): Promise<void> {
  const servers: Server[] = [];
  try {
    const mock = await spawnCliMock([], ENV);
    servers.push(mock);
    const recorder = await spawnBenchServer(['proxy', '--target', mock.url, '--delay', '0']);
    servers.push(recorder);
    await suite(context, recorder.url);
    const requests = await recordedBy(recorder.child);
    log(`suite: ${requests.length} requests recorded`);
    const rounds = context.quick ? 1 : 3;
    const suiteRuns: number[] = [];
    const bareRuns: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      suiteRuns.push(await suite(context, mock.url));
      bareRuns.push(await bareLoop(mock.url, requests, 8));
    }
    const perRequest = (runs: number[]) => runs.map((ms) => ms / requests.length);
    context.figures.push(
      figure('The runner', {
        name: `whole suite, cost per request (${requests.length} requests, --concurrency 8)`,
        unit: 'ms',
        runs: perRequest(suiteRuns),
        baseline: { name: 'bare fetch + JSON.parse + ajv, 8 at a time', runs: perRequest(bareRuns) },
        target: { text: '≤ 2× the bare loop', met: (_value, ratio) => ratio <= 2 },
      }),
    );

    const slow = await spawnBenchServer(['proxy', '--target', mock.url, '--delay', '50']);
    servers.push(slow);
    const serial = [await suite(context, slow.url, 1)];
    log('suite: concurrency 1 through the slow proxy measured');
    const parallel: number[] = [];
    for (let round = 0; round < rounds; round += 1) parallel.push(await suite(context, slow.url));
    const phase = 'Slow target (+50 ms per response)';
    context.figures.push(
      figure(phase, {
        name: 'suite at the default concurrency (8)',
        unit: 'ms',
        runs: parallel,
        baseline: { name: '--concurrency 1', runs: serial },
        target: { text: '≥ 8× faster than --concurrency 1', met: (_value, ratio) => 1 / ratio >= 8 },
      }),
      figure(phase, {
        name: 'suite at the default concurrency, against loopback',
        unit: 'ms',
        runs: parallel,
        baseline: { name: 'the same suite on loopback, no delay', runs: suiteRuns },
        target: { text: '≤ 3× the loopback run', met: (_value, ratio) => ratio <= 3 },
      }),
    );
    context.notes.push(
      "Suite durations are the report's durationMs (the process start is not in them). --concurrency 1 " +
        'through the slow proxy is run once (it takes the longest); the bare loop replays the requests ' +
        'one suite run sent (the state differs, so some answers do too).',
    );
  } finally {
    stop(...servers);
  }
}
