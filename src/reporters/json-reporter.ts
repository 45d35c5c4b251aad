import type { RunReport } from '../engine/results';
import { fileReporter, type FileReporter } from './file-reporter';
import { sortedResults } from './report-views';

export const JSON_REPORT_FILE = 'conformance.json';

/** Exactly the RunReport, results by id: the input of `merge` and of any other tool. */
export function renderJsonReport(report: RunReport): string {
  return JSON.stringify({ summary: report.summary, results: sortedResults(report.results) }, null, 2) + '\n';
}

export const jsonReporter = (): FileReporter =>
  fileReporter('json', (report) => [{ file: JSON_REPORT_FILE, content: renderJsonReport(report) }]);
