/**
 * The kill fraction of `flows-conformance explore` alone over every mock fault, at its default budget
 * (DEFAULT_RUNS sequences; EXPLORE_RUNS=n for another budget), measured rather than asserted:
 * `npx tsx scripts/explore-faults.ts [fault ...]`. Prints one line per fault and the fraction.
 */
import { FAULT_NAMES, type FaultName } from '../src/mock';
import { FAULT_LEVELS } from '../src/mock/fault-levels';
import { embeddedMock } from '../src/mock/embedded';
import { runExplore } from '../src/explore/runner';
import { resolveTargetConfig } from '../src/target/config';

async function exploreOnce(faults: FaultName[], seed: number, strict: boolean) {
  return runExplore({
    config: resolveTargetConfig([{ adminToken: 'explore-faults-admin-token', strict }]),
    startEmbedded: embeddedMock({ faults }),
    inProcess: true,
    runs: process.env.EXPLORE_RUNS ? Number(process.env.EXPLORE_RUNS) : undefined,
    seed,
  });
}

async function main(): Promise<void> {
  const chosen = (process.argv.length > 2 ? process.argv.slice(2) : FAULT_NAMES) as FaultName[];
  let killed = 0;
  for (const fault of chosen) {
    const started = Date.now();
    const outcome = await exploreOnce([fault], 1, false);
    const finding = outcome.finding;
    if (finding) killed += 1;
    process.stdout.write(
      `${finding ? 'killed' : 'MISSED'} ${fault} (${FAULT_LEVELS[fault]}) ${((Date.now() - started) / 1000).toFixed(1)} s` +
        `${finding ? `: ${finding.level} ${finding.rule} ${finding.pointer} — ${finding.message.slice(0, 120)} — ${finding.steps} steps` : ''}\n`,
    );
  }
  process.stdout.write(
    `explore killed ${killed}/${chosen.length} (${((100 * killed) / chosen.length).toFixed(0)}%)\n`,
  );
}

void main();
