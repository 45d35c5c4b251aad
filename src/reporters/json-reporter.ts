import type { RunReport } from '../engine/results';
import { escapeJsonControls } from './controls';
import { fileReporter, type FileReporter } from './file-reporter';
import { REPORT_FORMAT } from './report-format';
import { sortedResults } from './report-views';

export const JSON_REPORT_FILE = 'conformance.json';

/**
 * The RunReport under its format version (specs/report/conformance-report.schema.json), results by id:
 * the input of `merge`, `compare` and any other tool. Every control character is a JSON escape, so that
 * the file is inert in a terminal and the values unchanged.
 */
export function renderJsonReport(report: RunReport): string {
  const document = { format: REPORT_FORMAT, summary: report.summary, results: sortedResults(report.results) };
  const json = JSON.stringify(document, null, 2);
  return escapeJsonControls(json) + '\n';
}

export const jsonReporter = (): FileReporter =>
  fileReporter('json', (report) => [{ file: JSON_REPORT_FILE, content: renderJsonReport(report) }]);
