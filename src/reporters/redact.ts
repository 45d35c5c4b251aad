import type { RunReport } from '../engine/results';
import { redactSecrets, usableSecrets } from '../http/redact';
import { mapStrings } from './report-strings';

export { REDACTED, redactSecrets } from '../http/redact';

/**
 * The report with every secret scrubbed from every string in it, before any reporter formats it: a
 * secret that a format would escape (`&` in HTML, `"` in JSON) is then caught as well.
 */
export function redactReport(report: RunReport, secrets: readonly string[]): RunReport {
  if (usableSecrets(secrets).length === 0) return report;
  return mapStrings(report, (text) => redactSecrets(text, secrets)) as RunReport;
}
