import type { Command } from 'commander';
import type { RunSummary } from '../engine/results';

/** `--max-skipped N` of `run` and `fuzz`: a CI job that gave too little to run the suite does not pass. */
export const addMaxSkippedOption = (command: Command, unit: 'cases' | 'properties'): Command =>
  command.option(
    '--max-skipped <n>',
    `more than N skipped ${unit} fail the run (exit 1), as a CI job should (env FLOWS_CONFORMANCE_MAX_SKIPPED)`,
  );

/**
 * The exit code once `--max-skipped` is applied, and the one line that says why it failed the run. An
 * interrupted run is left alone: its skips are the user's doing.
 */
export function applyMaxSkipped(
  summary: RunSummary,
  maxSkipped: number | undefined,
  exitCode: number,
  unit: 'cases' | 'properties',
): { exitCode: number; line?: string } {
  if (maxSkipped === undefined || summary.interrupted || summary.skipped <= maxSkipped) return { exitCode };
  return {
    exitCode: exitCode === 0 ? 1 : exitCode,
    line: `flows-conformance: ${summary.skipped} ${unit} skipped, more than --max-skipped ${maxSkipped}: give what they need (the reasons above) or raise the limit`,
  };
}
