import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ALL_CASES } from '../../specs/cases';
import { CHECKS } from '../checks';
import { ensureDirectory } from '../directories';
import { runConformance } from '../engine/runner';
import { runExplore } from '../explore/runner';
import { runFuzz } from '../fuzz/runner';
import { embeddedMock } from '../mock/embedded';
import type { FaultName } from '../mock/faults';
import { resolveTargetConfig } from '../target/config';
import { computeMutants } from './matrix';
import { proxyWithFault } from './proxy-column';
import { writeMutantsReports } from './report';

/**
 * `npm run mutants [REPORT_DIR]`: the suite in process against the embedded mock with each fault in
 * turn, without a socket (light-my-request: half the CPU of loopback); writes mutants.json and mutants.md
 * (default reports/). Exit 1 when a MUST-level fault survives.
 */
export const runWithFault = (fault: FaultName) =>
  runConformance({
    config: resolveTargetConfig([{ adminToken: randomBytes(24).toString('hex') }]),
    cases: ALL_CASES,
    startEmbedded: embeddedMock({ faults: [fault] }),
    inProcess: true,
  });

/** `explore` alone against one fault, at its default budget, one seed: the matrix's `explore` column. */
export const exploreWithFault = async (fault: FaultName) =>
  (
    await runExplore({
      config: resolveTargetConfig([{ adminToken: randomBytes(24).toString('hex') }]),
      startEmbedded: embeddedMock({ faults: [fault] }),
      inProcess: true,
      seed: 1,
    })
  ).report;

/** At most this long a fault for `fuzz` (its default runs otherwise); what is left ends as skipped. */
export const FUZZ_FAULT_BUDGET_MS = 60_000;

/** `fuzz` alone against one fault, at its default runs within FUZZ_FAULT_BUDGET_MS, one seed: the `fuzz` column. */
export const fuzzWithFault = async (fault: FaultName) =>
  (
    await runFuzz({
      config: resolveTargetConfig([{ adminToken: randomBytes(24).toString('hex') }]),
      startEmbedded: embeddedMock({ faults: [fault] }),
      inProcess: true,
      seed: 1,
      signal: AbortSignal.timeout(FUZZ_FAULT_BUDGET_MS),
    })
  ).report;

async function main(reportDir = 'reports'): Promise<void> {
  const dir = ensureDirectory(path.resolve(reportDir));
  const matrix = await computeMutants(
    async (fault) => {
      const report = await runWithFault(fault);
      process.stderr.write(`${fault}\n`);
      return report;
    },
    Object.keys(CHECKS),
    undefined,
    { explore: exploreWithFault, fuzz: fuzzWithFault, proxy: proxyWithFault },
  );
  for (const file of await writeMutantsReports(matrix, dir)) process.stdout.write(`${file}\n`);
  process.stdout.write(
    `kill matrix: ${matrix.killed}/${matrix.total} faults killed` +
      `; explore alone ${matrix.exploreKilled}/${matrix.total}` +
      `; fuzz alone ${matrix.fuzzKilled}/${matrix.total}` +
      `; the proxy on the official client's traffic ${matrix.proxyKilled}/${matrix.total}` +
      (matrix.survivingMust.length > 0
        ? `; MUST-level faults surviving: ${matrix.survivingMust.join(', ')}`
        : '') +
      '\n',
  );
  process.exitCode = matrix.survivingMust.length > 0 ? 1 : 0;
}

if (require.main === module)
  main(process.argv[2]).catch((error: unknown) => {
    process.stderr.write(
      `flows-conformance mutants: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  });
