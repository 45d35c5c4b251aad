import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RunReport } from '../engine/results';
import { JSON_REPORT_FILE } from './json-reporter';
import { ReportMergeError } from './merge';
import { reportFormatProblem } from './report-format';

/**
 * A RunReport from a report directory or its conformance.json, held to the schema of its format
 * (specs/report/conformance-report.schema.json).
 */
export async function readRunReport(location: string): Promise<RunReport> {
  let file = location;
  try {
    if ((await stat(location)).isDirectory()) file = path.join(location, JSON_REPORT_FILE);
  } catch {
    throw new ReportMergeError(`${location}: no such file or directory`);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ReportMergeError(`${file}: cannot be read`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ReportMergeError(
      `${file}: not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const problem = reportFormatProblem(parsed);
  if (problem) throw new ReportMergeError(`${file} is not a conformance report: ${problem}`);
  const { summary, results } = parsed as RunReport;
  return { summary, results };
}
