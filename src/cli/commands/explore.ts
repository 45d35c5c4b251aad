import { writeRunReports } from '../report-output';
import type { Command } from 'commander';
import { exitCodeOf } from '../../engine/runner';
import { DEFAULT_MAX_STEPS, DEFAULT_RUNS, runExplore } from '../../explore/runner';
import { embeddedMock } from '../../mock/embedded';
import { addTargetOptions, resolveTargetOptions } from '../target-options';
import { startFailure } from '../usage-error';
import { endsInterrupted, onRunInterrupt } from '../interrupt';
import { leftFlowsLines } from '../left-flows';
import { newRunPrefix } from '../../target/session';
import { drawnRunBounds, wholeNumber } from '../whole-number';

const MAX_STEPS = 1_000;

/** `flows-conformance explore`: sequences of the four actions compared with the model of the reference (docs/explore.md). */
export function registerExploreCommand(program: Command): void {
  const command = program
    .command('explore')
    .description(
      'Random sequences of Posts, Imports and Gets against --target, or the embedded mock, each answer compared with the model of the reference; shrunk failures as curl scripts.',
    );
  addTargetOptions(command)
    .option('--runs <n>', `sequences (default ${DEFAULT_RUNS})`)
    .option('--duration <seconds>', 'draw sequences until this many seconds have passed (instead of --runs)')
    .option('--steps <n>', `steps of a sequence at most (default ${DEFAULT_MAX_STEPS})`)
    .option('--seed <n>', 'fast-check seed (default random; printed, and in every failure)')
    .option('--path <path>', 'with --seed: replay the one failure fast-check named by this path')
    .option('--no-cleanup', 'keep the flows the run created')
    .action(async () => {
      const options = command.opts();
      const bounds = drawnRunBounds(options);
      const maxSteps = wholeNumber(options.steps, '--steps', 1, MAX_STEPS);
      const config = resolveTargetOptions(command);
      const prefix = newRunPrefix();
      const interrupt = onRunInterrupt('explore', config.baseUrl, prefix);
      const outcome = await runExplore({
        config,
        prefix,
        signal: interrupt.signal,
        startEmbedded: embeddedMock(),
        inProcess: true,
        ...bounds,
        maxSteps,
      }).finally(() => interrupt.dispose());
      if (outcome.startError) throw startFailure(outcome.startError, outcome.startUnreachable);
      const { report } = outcome;
      const { written, lines, digest } = await writeRunReports(report, config.reportDir, outcome.secrets);
      for (const line of digest) process.stderr.write(`${line}\n`);
      for (const line of lines.stderr) process.stderr.write(`${line}\n`);
      const seconds = report.summary.durationMs / 1000;
      const rate = (n: number) => (n / Math.max(seconds, 0.001)).toFixed(0);
      process.stdout.write(
        `explore: ${outcome.sequences} sequences, ${outcome.requests} requests in ${seconds.toFixed(1)} s ` +
          `(${rate(outcome.sequences)} sequences/s, ${rate(outcome.requests)} requests/s), ` +
          `${outcome.finding ? `${outcome.finding.level} difference: ${outcome.finding.rule}` : 'no difference'}; seed ${outcome.seed}\n`,
      );
      for (const line of lines.stdout) process.stdout.write(`${line}\n`);
      for (const line of leftFlowsLines(report.summary.leftFlows)) process.stderr.write(`${line}\n`);
      if (endsInterrupted(report.summary, prefix)) return;
      process.exitCode = written.errors.length > 0 ? 1 : exitCodeOf(report);
    });
}
