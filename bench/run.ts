/**
 * `npm run bench`: the bench of the mock, the runner and the commands (docs/bench.md). Loopback only;
 * every server runs in a process of its own. Writes reports/bench.json and reports/bench.md.
 * Usage: npm run bench [-- --only throughput,scale,suite,commands] [--quick]
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { commandsPhase } from './phases/commands';
import { log, newContext, type BenchContext } from './phases/context';
import { scalePhase } from './phases/scale';
import { suitePhase } from './phases/suite';
import { throughputPhase } from './phases/throughput';
import { ROOT } from './processes';
import { writeBenchReports } from './report';

const PHASES: Record<string, (context: BenchContext) => Promise<void>> = {
  throughput: throughputPhase,
  scale: scalePhase,
  suite: suitePhase,
  commands: commandsPhase,
};
/** The whole bench stops here, whatever a phase is doing. */
const BUDGET_MS = 10 * 60_000;

async function main(): Promise<void> {
  const at = process.argv.indexOf('--only');
  const only = at >= 0 ? process.argv[at + 1].split(',') : Object.keys(PHASES);
  const unknown = only.filter((name) => !(name in PHASES));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown phase ${unknown[0]} (phases: ${Object.keys(PHASES).join(', ')})\n`);
    process.exit(2);
  }
  // The servers and commands run from dist/: build it if a source is newer.
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const context = newContext(process.argv.includes('--quick'));
  const startedAt = new Date().toISOString();
  const loadAverage = loadavg();
  const began = performance.now();
  /** Written after every phase, so that a run stopped by its budget keeps what it measured. */
  const write = () =>
    writeBenchReports(
      {
        startedAt,
        durationMs: performance.now() - began,
        machine: { cpus: cpus().length, loadAverage, node: process.version },
        figures: context.figures,
        notes: context.notes,
      },
      path.join(ROOT, 'reports'),
    );
  const deadline = setTimeout(() => {
    context.notes.push('Stopped at the 10-minute budget: the phases after the last figure are missing.');
    write();
    process.stderr.write(
      'bench: over its 10-minute budget, stopped; reports/bench.md holds what was measured\n',
    );
    process.exit(1);
  }, BUDGET_MS);
  let files: string[] = [];
  try {
    for (const name of only) {
      log(`${name}…`);
      await PHASES[name](context);
      files = write();
    }
  } finally {
    clearTimeout(deadline);
    rmSync(context.scratch, { recursive: true, force: true });
  }
  for (const file of files) process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
