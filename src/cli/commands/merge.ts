import type { Command } from 'commander';
import { mergeReports, ReportMergeError, summaryLine, writeReports } from '../../reporters';
import type { RunReport } from '../../engine/results';
import { summarize } from '../../engine/runner';
import { comparableTarget } from '../../target/connect';
import { readReportInput } from '../report-input';
import { UsageError } from '../usage-error';
import { DEFAULT_TARGET_CONFIG } from '../../target/config';
import { writableDirectoryOption } from '../writable-directory';

export interface MergeOptions {
  readonly reportDir: string;
}

/** The shards, each naming its target as runs compare it (shards of the embedded mock each had a port). */
async function readAll(inputs: readonly string[]): Promise<RunReport[]> {
  const reports: RunReport[] = [];
  for (const input of inputs) {
    const report = await readReportInput('merge', input);
    reports.push({
      ...report,
      summary: { ...report.summary, target: comparableTarget(report.summary.target) },
    });
  }
  return reports;
}

/** The counts of the merged results themselves: a shard's own counts are not trusted. */
function recounted(merged: RunReport): RunReport {
  const { durationMs, target, strict, shard, startedAt, aborted, staleExpectations, keptDataPrefix } =
    merged.summary;
  const fields = { durationMs, target, strict, shard, startedAt, aborted, staleExpectations, keptDataPrefix };
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return { ...merged, summary: summarize(merged.results, given as typeof fields) };
}

/**
 * `merge`: the shard reports of one run (report directories or conformance.json files) joined into one
 * RunReport, and every report written from it. Input that cannot be merged is a usage error (exit 2);
 * a report that could not be written, exit 1.
 */
export async function runMerge(
  inputs: readonly string[],
  options: MergeOptions,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  writableDirectoryOption('--report-dir', options.reportDir);
  let merged: RunReport;
  try {
    merged = recounted(mergeReports(await readAll(inputs)));
  } catch (error) {
    if (error instanceof ReportMergeError) throw new UsageError(`merge: ${error.message}`);
    throw error;
  }
  const { files, errors } = await writeReports(merged, options.reportDir);
  for (const error of errors)
    process.stderr.write(`flows-conformance: merge: the ${error.reporter} report failed: ${error.message}\n`);
  out.write(
    `${summaryLine(merged.summary)}\nMerged ${inputs.length} reports into ${options.reportDir} (${files.length} files)\n`,
  );
  if (errors.length > 0) process.exitCode = 1;
}

export function registerMergeCommand(program: Command): void {
  program
    .command('merge')
    .description(
      'Join the conformance.json of the shards of one run into one report, and write every report from it',
    )
    .argument('<reports...>', 'shard report directories or conformance.json files')
    .option('--report-dir <dir>', 'where to write the merged reports', DEFAULT_TARGET_CONFIG.reportDir)
    .action((inputs: string[], options: MergeOptions) => runMerge(inputs, options));
}
