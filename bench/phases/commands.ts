import path from 'node:path';
import { MOCK_APPLICATION_ID } from '../../src/mock';
import { BENCH_TOKEN, runCli, spawnCliMock, stop, ROOT, tracked } from '../processes';
import { figure } from '../report';
import { log, type BenchContext } from './context';
import { spawn } from 'node:child_process';

const TIMEOUT_MS = 180_000;

/** Wall time of a command to its end; throws on a non-zero exit. */
async function wall(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const result = await runCli(args, env, TIMEOUT_MS);
  if (result.code !== 0)
    throw new Error(`flows-conformance ${args[0]} exited ${result.code}: ${result.stderr.trim()}`);
  return result.wallMs;
}

/** `npm start` (the main job: prestart's stale-check, then the suite against the embedded mock). */
function npmStart(reportDir: string): Promise<number> {
  const began = performance.now();
  const child = tracked(
    spawn('npm', ['start', '--silent', '--', '--report-dir', reportDir], {
      cwd: ROOT,
      stdio: 'ignore',
    }),
  );
  const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(performance.now() - began);
      else reject(new Error(`npm start exited ${code}`));
    }),
  );
}

/** `npm start`, `pacts` and `verify` (against the CLI mock), each beside the CLI's bare start. */
export async function commandsPhase(context: BenchContext): Promise<void> {
  const rounds = context.quick ? 1 : 3;
  const bare: number[] = [];
  const start: number[] = [];
  const pacts: number[] = [];
  const verify: number[] = [];
  const pactDir = path.join(context.scratch, 'pacts');
  const env = { FLOWS_CONFORMANCE_ADMIN_TOKEN: BENCH_TOKEN, FLOWS_CONFORMANCE_MOCK_ADMIN_TOKEN: BENCH_TOKEN };
  const mock = await spawnCliMock([], env);
  try {
    for (let round = 0; round < rounds; round += 1) {
      bare.push(await wall(['--help']));
      start.push(await npmStart(path.join(context.scratch, 'start-report')));
      pacts.push(await wall(['pacts', '--pact-dir', pactDir]));
      verify.push(
        await wall(
          ['verify', '--target', mock.url, '--application-id', MOCK_APPLICATION_ID, '--pact-dir', pactDir],
          env,
        ),
      );
      log(`commands round ${round + 1}/${rounds}`);
    }
  } finally {
    stop(mock);
  }
  const baseline = { name: 'flows-conformance --help', runs: bare };
  const phase = 'Commands (wall time, process start included)';
  context.figures.push(
    figure(phase, {
      name: 'npm start (dist/ up to date; suite against the embedded mock, reports written)',
      unit: 'ms',
      runs: start,
      baseline,
      target: { text: '≤ 3 s', met: (value) => value <= 3000 },
    }),
    figure(phase, { name: 'pacts', unit: 'ms', runs: pacts, baseline }),
    figure(phase, { name: 'verify against the mock', unit: 'ms', runs: verify, baseline }),
  );
  context.notes.push(
    '`fuzz` and `proxy` are not timed here: `bench/proxy-latency.ts` measures the proxy (docs/proxy.md); `fuzz` has no figure yet.',
  );
}
