import path from 'node:path';
import type { RunReport } from '../engine/results';
import {
  defaultReporters,
  failureDigest,
  HTML_REPORT_FILE,
  MARKDOWN_REPORT_FILE,
  writeReports,
  writtenReportLines,
} from '../reporters';

/**
 * Writes a run's reports (run, fuzz, explore) and says what to print: the failures by cause, pointing at
 * the full report when one was written, and the lines naming the files written or failed.
 */
export async function writeRunReports(
  report: RunReport,
  reportDir: string,
  secrets: readonly string[],
  replayCommand?: (flags: string) => string,
) {
  const written = await writeReports(report, reportDir, defaultReporters(), [...secrets]);
  const fullReport = [HTML_REPORT_FILE, MARKDOWN_REPORT_FILE]
    .map((file) => path.join(reportDir, file))
    .find((file) => written.files.includes(file));
  return {
    written,
    lines: writtenReportLines(written, reportDir),
    digest: failureDigest(report, fullReport, replayCommand),
  };
}
