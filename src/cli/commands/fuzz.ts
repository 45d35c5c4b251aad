import { writeRunReports } from '../report-output';
import { leftFlowsLines } from '../left-flows';
import { endsInterrupted, onRunInterrupt } from '../interrupt';
import { newRunPrefix } from '../../target/session';
import type { Command } from 'commander';
import { exitCodeOf } from '../../engine/runner';
import { DEFAULT_RUNS, runFuzz } from '../../fuzz/runner';
import { embeddedMock } from '../../mock/embedded';
import { showControls, skipReasonsLine } from '../../reporters';
import { addTargetOptions, resolveTargetOptions } from '../target-options';
import { startFailure, UsageError } from '../usage-error';
import { addMaxSkippedOption, applyMaxSkipped } from '../max-skipped';
import { fuzzProgress, replayTargetFlags } from '../fuzz-terminal';
import { drawnRunBounds } from '../whole-number';

/** `flows-conformance fuzz`: generated inputs from the catalog and the schemas against a target (docs/fuzz.md). */
export function registerFuzzCommand(program: Command): void {
  const command = program
    .command('fuzz')
    .description(
      'Generated valid and invalid inputs against --target, or the embedded mock; shrunk failures.',
    );
  addTargetOptions(command)
    .option('--grep <pattern>', 'only properties whose id matches (case-insensitive regular expression)')
    .option('--runs <n>', `inputs per property (default ${DEFAULT_RUNS})`)
    .option(
      '--duration <seconds>',
      'run every property until this many seconds have passed (instead of --runs)',
    )
    .option('--seed <n>', 'fast-check seed (default random; printed, and in every failure)')
    .option('--path <path>', 'with --seed and --grep: replay the one failure fast-check named by this path')
    .option('--no-cleanup', 'keep the flows the run created');
  addMaxSkippedOption(command, 'properties').action(async () => {
    const bounds = drawnRunBounds(command.opts());
    const config = resolveTargetOptions(command);
    const prefix = newRunPrefix();
    const interrupt = onRunInterrupt('fuzz', config.baseUrl, prefix);
    const progress = fuzzProgress(process.stderr);
    const outcome = await runFuzz({
      signal: interrupt.signal,
      prefix,
      config,
      startEmbedded: embeddedMock(),
      ...bounds,
      onPropertyEnd: progress.propertyEnd,
    }).finally(() => {
      progress.end();
      interrupt.dispose();
    });
    if (outcome.startError) throw startFailure(outcome.startError, outcome.startUnreachable);
    if (outcome.report.results.length === 0 && !outcome.report.summary.interrupted)
      throw new UsageError(`--grep "${showControls(config.grep ?? '')}" matches no property`);
    const { report } = outcome;
    const replay = (flags: string) => `flows-conformance fuzz ${flags}${replayTargetFlags(command)}`;
    const { written, lines, digest } = await writeRunReports(
      report,
      config.reportDir,
      outcome.secrets,
      replay,
    );
    for (const line of digest) process.stderr.write(`${line}\n`);
    for (const line of lines.stderr) process.stderr.write(`${line}\n`);
    const seconds = report.summary.durationMs / 1000;
    process.stdout.write(
      `fuzz: ${outcome.inputs} inputs in ${seconds.toFixed(1)} s (${(outcome.inputs / Math.max(seconds, 0.001)).toFixed(0)}/s), ` +
        `${report.summary.passed} properties passed, ${report.summary.failed} failed` +
        `${report.summary.skipped > 0 ? `, ${report.summary.skipped} ran no input` : ''}; seed ${outcome.seed}\n`,
    );
    const skips = skipReasonsLine(report.results);
    if (skips !== undefined) process.stdout.write(`${showControls(skips)}\n`);
    for (const line of lines.stdout) process.stdout.write(`${line}\n`);
    for (const line of leftFlowsLines(report.summary.leftFlows)) process.stderr.write(`${line}\n`);
    if (endsInterrupted(report.summary, prefix)) return;
    const limited = applyMaxSkipped(
      report.summary,
      config.maxSkipped,
      written.errors.length > 0 ? 1 : exitCodeOf(report),
      'properties',
    );
    if (limited.line) process.stderr.write(`${limited.line}\n`);
    process.exitCode = limited.exitCode;
  });
}
