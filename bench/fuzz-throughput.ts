/**
 * Inputs per second that `flows-conformance fuzz` reaches against the embedded mock, in process and
 * over loopback: `npx tsx bench/fuzz-throughput.ts [RUNS_PER_PROPERTY] [CONCURRENCY]`.
 */
import { randomBytes } from 'node:crypto';
import { runFuzz } from '../src/fuzz/runner';
import { embeddedMock } from '../src/mock/embedded';
import { resolveTargetConfig } from '../src/target/config';

async function measure(inProcess: boolean, runs: number, concurrency: number): Promise<void> {
  const started = performance.now();
  const outcome = await runFuzz({
    config: resolveTargetConfig([{ adminToken: randomBytes(24).toString('hex'), concurrency }]),
    startEmbedded: embeddedMock(),
    inProcess,
    runs,
    seed: 1,
  });
  const seconds = (performance.now() - started) / 1000;
  const failed = outcome.report.summary.failed;
  process.stdout.write(
    `${inProcess ? 'in process' : 'loopback  '} concurrency ${concurrency}: ${outcome.inputs} inputs in ${seconds.toFixed(1)} s = ` +
      `${(outcome.inputs / seconds).toFixed(1)} inputs/s (${failed} failed)\n`,
  );
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 50);
  const concurrency = Number(process.argv[3] ?? 8);
  await measure(true, runs, concurrency);
  await measure(false, runs, concurrency);
}

void main();
