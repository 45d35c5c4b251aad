import type { RunReport } from '../engine/results';
import { escapeJsonControls } from './controls';
import { fileReporter, type FileReporter } from './file-reporter';
import { sortedResults } from './report-views';

export const JSON_REPORT_FILE = 'conformance.json';

/**
 * Exactly the RunReport, results by id: the input of `merge` and of any other tool. Every control
 * character is a JSON escape, so that the file is inert in a terminal and the values unchanged.
 */
export function renderJsonReport(report: RunReport): string {
  const json = JSON.stringify({ summary: report.summary, results: sortedResults(report.results) }, null, 2);
  return escapeJsonControls(json) + '\n';
}

export const jsonReporter = (): FileReporter =>
  fileReporter('json', (report) => [{ file: JSON_REPORT_FILE, content: renderJsonReport(report) }]);
