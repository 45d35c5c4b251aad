import type { RunReport } from '../engine/results';
import { redactCutEdges } from '../http/cut-edges';
import { mapStrings } from './report-strings';

export const REDACTED = '[REDACTED]';

// Secrets this short would blank out ordinary words; the engine redacts tokens, this is a safety net.
const MIN_SECRET_LENGTH = 4;

function usableSecrets(secrets: readonly string[]): string[] {
  // Longest first, so a secret that contains another is scrubbed whole.
  return [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/**
 * Every occurrence of every secret replaced by `[REDACTED]`, and the piece of a secret of 8 characters
 * or more that an excerpt's cut (`…`) left behind.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const usable = usableSecrets(secrets);
  let redacted = text;
  for (const secret of usable) redacted = redacted.split(secret).join(REDACTED);
  return redactCutEdges(
    redacted,
    usable.filter((secret) => secret.length >= 8),
    REDACTED,
  );
}

/**
 * The report with every secret scrubbed from every string in it, before any reporter formats it: a
 * secret that a format would escape (`&` in HTML, `"` in JSON) is then caught as well.
 */
export function redactReport(report: RunReport, secrets: readonly string[]): RunReport {
  if (usableSecrets(secrets).length === 0) return report;
  return mapStrings(report, (text) => redactSecrets(text, secrets)) as RunReport;
}
