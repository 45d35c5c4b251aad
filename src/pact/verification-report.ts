import { writeFileSync } from 'node:fs';
import { ensureDirectory } from '../directories';
import path from 'node:path';
import type { VerificationOutcome } from './verifier-output';
import { redactSecrets } from '../http/redact';

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

const escapeXml = (text: string): string =>
  text.replace(
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
 * Writes pact-verification.json and pact-junit.xml into the report dir; returns their paths. Every
 * secret (tokens, password) is scrubbed from both, in case a provider echoes one in a response.
 */
export function writeVerificationReport(
  report: VerificationReport,
  reportDir: string,
  secrets: readonly string[] = [],
): string[] {
  ensureDirectory(reportDir);
  const json = path.join(reportDir, VERIFICATION_JSON);
  const junit = path.join(reportDir, VERIFICATION_JUNIT);
  const { output: _output, ...outcome } = report.outcome;
  writeFileSync(json, redactSecrets(JSON.stringify({ ...report, outcome }, null, 2) + '\n', secrets));
  writeFileSync(junit, redactSecrets(junitXml(report), secrets));
  return [json, junit];
}
