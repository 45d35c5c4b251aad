import path from 'node:path';
import { ensureDirectory } from '../directories';
import { redactorOf, type Redactor } from '../http/redact';
import { writeFileReplacing } from '../reporters/atomic-write';
import { escapeJsonControls, showControls } from '../reporters/controls';
import { xmlSafe } from '../reporters/escape';
import { mapStrings } from '../reporters/report-strings';
import type { VerificationOutcome } from './verifier-output';

export const VERIFICATION_JSON = 'pact-verification.json';
export const VERIFICATION_JUNIT = 'pact-junit.xml';

export interface VerificationReport {
  readonly provider: string;
  /** Base URL of the target (never with credentials). */
  readonly target: string;
  /** Pact files, or the broker URL. */
  readonly source: string;
  readonly startedAt: string;
  readonly outcome: VerificationOutcome;
}

/** Text for an XML attribute or element: the characters XML 1.0 forbids replaced, then escaped. */
const escapeXml = (text: string): string =>
  xmlSafe(text).replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );

/** One testcase per interaction; a failure names the interaction and carries its mismatches. */
export function junitXml(report: VerificationReport): string {
  const { outcome } = report;
  const failed = new Map(outcome.failures.map((failure) => [failure.interaction, failure]));
  const names = [...new Set([...outcome.interactions.map((run) => run.description), ...failed.keys()])];
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const cases = names.map((name) => {
    const run = outcome.interactions.find((candidate) => candidate.description === name);
    const failure = failed.get(name);
    const open = `    <testcase classname="pact.${escapeXml(report.provider)}" name="${escapeXml(name)}" time="${seconds(run?.durationMs ?? 0)}"`;
    if (!failure) return `${open}/>`;
    const text = failure.messages.join('\n');
    return `${open}>\n      <failure message="${escapeXml(failure.messages[0] ?? 'failed')}">${escapeXml(text)}</failure>\n    </testcase>`;
  });
  if (outcome.error)
    cases.push(
      `    <testcase classname="pact.${escapeXml(report.provider)}" name="verification"><error message="${escapeXml(outcome.error)}"/></testcase>`,
    );
  const failures = outcome.failures.length;
  const errors = outcome.error ? 1 : 0;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pact verification" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${seconds(outcome.durationMs)}">`,
    `  <testsuite name="pact verification of ${escapeXml(report.provider)} at ${escapeXml(report.target)}" tests="${cases.length}" failures="${failures}" errors="${errors}" timestamp="${report.startedAt}" time="${seconds(outcome.durationMs)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * The outcome as it may be shown, on the console or in a file: every secret redacted (by value and by
 * structure: a provider may echo a token or a header) and every control character made visible.
 */
export const shownOutcome = (
  outcome: VerificationOutcome,
  secrets: Iterable<string> | Redactor,
): VerificationOutcome => {
  const redactor = redactorOf(secrets);
  return mapStrings(outcome, (text) => showControls(redactor.redact(text))) as VerificationOutcome;
};

/**
 * Writes pact-verification.json and pact-junit.xml into the report dir; returns their paths. Every
 * secret (tokens, password) is scrubbed from both, in case a provider echoes one in a response; a link
 * planted under either name is replaced, never followed.
 */
export async function writeVerificationReport(
  report: VerificationReport,
  reportDir: string,
  secrets: Iterable<string> | Redactor = [],
): Promise<string[]> {
  ensureDirectory(reportDir);
  const redactor = redactorOf(secrets);
  const shown = { ...report, outcome: shownOutcome(report.outcome, redactor) };
  const json = path.join(reportDir, VERIFICATION_JSON);
  const junit = path.join(reportDir, VERIFICATION_JUNIT);
  const { output: _output, ...outcome } = shown.outcome;
  const jsonText = escapeJsonControls(JSON.stringify({ ...shown, outcome }, null, 2)) + '\n';
  await writeFileReplacing(json, redactor.redactValues(jsonText));
  await writeFileReplacing(junit, redactor.redactValues(junitXml(shown)));
  return [json, junit];
}
