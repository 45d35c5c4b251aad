import path from 'node:path';
import { showControls } from './controls';
import type { WrittenReports } from './write-reports';

/** What a command says about its reports: what was written (only if anything was), and each failure. */
export interface WrittenLines {
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
}

export function writtenReportLines(written: WrittenReports, reportDir: string): WrittenLines {
  const names = written.files.map((file) => path.relative(reportDir, file) || file);
  return {
    stdout: names.length === 0 ? [] : [showControls(`reports written to ${reportDir}: ${names.join(', ')}`)],
    stderr: written.errors.map((failed) =>
      showControls(`flows-conformance: the ${failed.reporter} report was not written: ${failed.message}`),
    ),
  };
}
