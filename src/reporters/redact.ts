import type { RunReport } from '../engine/results';
import { Redactor, redactorOf } from '../http/redact';
import { mapStrings } from './report-strings';

export { REDACTED, Redactor, redactSecrets } from '../http/redact';

/**
 * The report with every secret scrubbed from every string in it, before any reporter formats it: a
 * secret that a format would escape (`&` in HTML, `"` in JSON) is then caught as well. Credentials
 * under a secret's name go too (a query's `access_token` in a case id, a password in an excerpt).
 */
export function redactReport(report: RunReport, secrets: Iterable<string> | Redactor): RunReport {
  const redactor = redactorOf(secrets);
  return mapStrings(report, (text) => redactor.redact(text)) as RunReport;
}
