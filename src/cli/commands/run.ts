import { writeRunReports } from '../report-output';
import { leftFlowsLines } from '../left-flows';
import { endsInterrupted, onRunInterrupt } from '../interrupt';
import { newRunPrefix } from '../../target/session';
import type { Command } from 'commander';
import { ALL_CASES } from '../../../specs/cases';
import { everyCaseSkipped, exitCodeOf, runConformanceWithSecrets } from '../../engine/runner';
import { selectCases } from '../../engine/selection';
import { embeddedMock } from '../../mock/embedded';
import { progressDisplay, showControls } from '../../reporters';
import { addTargetOptions, resolveTargetOptions } from '../target-options';
import { startFailure, UsageError } from '../usage-error';
import { addMaxSkippedOption, applyMaxSkipped } from '../max-skipped';

/** `flows-conformance run`: the conformance suite against a target, or the embedded mock. */
export function registerRunCommand(program: Command): void {
  const command = program
    .command('run')
    .description('Run the conformance suite against --target, or the embedded mock when none is given.');
  addTargetOptions(command)
    .option(
      '--grep <pattern>',
      'only cases whose sentence matches (case-insensitive regular expression), or whose whole key does',
    )
    .option('--strict', 'SHOULD failures fail the run')
    .option('--shard <i/n>', 'run the i-th of n deterministic shards')
    .option(
      '--expectations <file>',
      'JSON file of the cases (keys or sentences) this server is known to fail',
    )
    .option('--no-cleanup', 'keep the flows the run created');
  addMaxSkippedOption(command, 'cases').action(async () => {
    const config = resolveTargetOptions(command);
    if (config.grep !== undefined && selectCases(ALL_CASES, { grep: config.grep }).length === 0)
      throw new UsageError(`--grep "${config.grep}" matches no case sentence or key`);
    const progress = progressDisplay(process.stderr);
    const prefix = newRunPrefix();
    const interrupt = onRunInterrupt('the run', config.baseUrl, prefix);
    const { report, secrets, startError, startUnreachable } = await runConformanceWithSecrets({
      config,
      cases: ALL_CASES,
      startEmbedded: embeddedMock(),
      listeners: [(event) => progress.onEvent?.(event)],
      signal: interrupt.signal,
      prefix,
    }).finally(() => interrupt.dispose());
    const { written, lines, digest } = await writeRunReports(report, config.reportDir, secrets);
    // A run that could not start says so in one line (below); its cases were never sent.
    if (!startError) for (const line of digest) process.stderr.write(`${line}\n`);
    for (const line of lines.stderr) process.stderr.write(`${line}\n`);
    for (const stale of report.summary.staleExpectations)
      process.stderr.write(`flows-conformance: stale expectation: ${showControls(stale)}\n`);
    for (const line of lines.stdout) process.stdout.write(`${line}\n`);
    if (report.summary.keptDataPrefix)
      process.stdout.write(
        `kept the flows the run created: names starting ${report.summary.keptDataPrefix}\n`,
      );
    for (const line of leftFlowsLines(report.summary.leftFlows)) process.stderr.write(`${line}\n`);
    if (startError) throw startFailure(startError, startUnreachable);
    if (endsInterrupted(report.summary, prefix)) return;
    const nothingRan = everyCaseSkipped(report);
    if (nothingRan) process.stderr.write(`flows-conformance: ${showControls(nothingRan)}\n`);
    const limited = applyMaxSkipped(
      report.summary,
      config.maxSkipped,
      written.errors.length > 0 || nothingRan ? 1 : exitCodeOf(report),
      'cases',
    );
    if (limited.line) process.stderr.write(`${limited.line}\n`);
    process.exitCode = limited.exitCode;
  });
}
