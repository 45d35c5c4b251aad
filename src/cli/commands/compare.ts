import path from 'node:path';
import type { Command } from 'commander';
import {
  compareReports,
  CompareError,
  renderCompareHtml,
  renderCompareMarkdown,
  summaryOf,
} from '../../compare';
import { redactReport, ReportMergeError, showControls } from '../../reporters';
import { writeFileReplacing } from '../../reporters/atomic-write';
import { readReportInput } from '../report-input';
import { UsageError } from '../usage-error';
import { writableDirectoryOption } from '../writable-directory';

export const COMPARE_MARKDOWN_FILE = 'compare.md';
export const COMPARE_HTML_FILE = 'compare.html';

export interface CompareOptions {
  readonly out: string;
  readonly names?: string;
}

/** A target's default name: the report's folder for a conformance.json, else the file's stem. */
const defaultName = (input: string): string => {
  const base = path.basename(input);
  return base === 'conformance.json'
    ? path.basename(path.dirname(path.resolve(input)))
    : base.replace(/\.json$/, '');
};

function targetNames(inputs: readonly string[], names: string | undefined): string[] {
  const given = names === undefined ? inputs.map(defaultName) : names.split(',').map((name) => name.trim());
  if (given.length !== inputs.length)
    throw new UsageError(`--names gives ${given.length} names for ${inputs.length} reports`);
  if (given.some((name) => name === '')) throw new UsageError('--names has an empty name');
  if (new Set(given).size !== given.length)
    throw new UsageError(`the targets need distinct names (got ${given.join(', ')}); give them with --names`);
  return given;
}

/**
 * `compare`: the conformance.json of two or more runs side by side, as compare.md and compare.html.
 * Exit 1 when the targets disagree on a MUST case; 2 when an input is not a report or the reports ran
 * different cases.
 */
export async function runCompare(
  inputs: readonly string[],
  options: CompareOptions,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  if (inputs.length < 2) throw new UsageError('compare needs at least two reports');
  const names = targetNames(inputs, options.names);
  const dir = writableDirectoryOption('--out', options.out);
  let comparison;
  try {
    const reports = [];
    for (const [index, input] of inputs.entries())
      // Credentials under a secret's name go, whatever the run that wrote the report redacted.
      reports.push({
        name: names[index],
        report: redactReport(await readReportInput('compare', input), []),
      });
    comparison = compareReports(reports);
  } catch (error) {
    if (error instanceof ReportMergeError || error instanceof CompareError)
      throw new UsageError(`compare: ${error.message}`);
    throw error;
  }
  await writeFileReplacing(path.join(dir, COMPARE_MARKDOWN_FILE), renderCompareMarkdown(comparison));
  await writeFileReplacing(path.join(dir, COMPARE_HTML_FILE), renderCompareHtml(comparison));
  out.write(
    showControls(
      `${summaryOf(comparison)}\nWrote ${path.join(dir, COMPARE_MARKDOWN_FILE)} and ${COMPARE_HTML_FILE}`,
    ) + '\n',
  );
  process.exitCode = comparison.mustDisagreements > 0 ? 1 : 0;
}

export function registerCompareCommand(program: Command): void {
  program
    .command('compare')
    .description(
      'Set the conformance.json of two or more runs side by side; exit 1 when they disagree on a MUST case',
    )
    .argument('<reports...>', 'conformance.json files or report directories')
    .option('--out <dir>', 'where to write compare.md and compare.html', 'reports')
    .option('--names <names>', 'comma-separated names of the targets, in the order of the reports')
    .action((inputs: string[], options: CompareOptions) => runCompare(inputs, options));
}
