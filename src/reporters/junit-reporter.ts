import junitReportBuilder, { type TestCase } from 'junit-report-builder';
import { ACTIONS } from '../../specs/catalog';
import type { CaseResult, RunReport } from '../engine/results';
import { showControlsInReport } from './controls';
import { xmlSafe } from './escape';
import { fileReporter, type FileReporter } from './file-reporter';
import { expectedAndGot } from './failure-groups';
import { failureText, sortedResults } from './report-views';

export const JUNIT_REPORT_FILE = 'junit.xml';

const seconds = (ms: number): number => Math.max(0, ms) / 1000;
const firstLine = (text: string): string => text.split('\n')[0];

/** The `message` attribute: what went wrong, what the rule expected and what came back, on one line. */
function failureMessage(result: CaseResult, fallback: string): string {
  const failure = result.failures[0];
  if (!failure) return fallback;
  const detail =
    failure.expected !== undefined || failure.actual !== undefined ? `: ${expectedAndGot(failure)}` : '';
  const more = result.failures.length > 1 ? ` (and ${result.failures.length - 1} more)` : '';
  return xmlSafe(firstLine(failure.message) + detail + more);
}

/**
 * `<skipped message="reason"/>`: junit-report-builder writes a bare `<skipped/>`, so the element it
 * built gets the attribute after the fact.
 */
function skippedWithMessage(testCase: TestCase, message: string): TestCase {
  testCase.skipped();
  const build = testCase.build.bind(testCase);
  testCase.build = (parent) => {
    const element = build(parent);
    for (const child of element.children as { name?: string; att?: (name: string, value: string) => void }[])
      if (child.name === 'skipped') child.att?.('message', message);
    return element;
  };
  return testCase;
}

function describeCase(testCase: TestCase, result: CaseResult): void {
  if (result.key) testCase.property('key', xmlSafe(result.key));
  testCase.property('aspect', result.aspect).property('level', result.level);
  if (result.decision) testCase.property('decision', result.decision);
  for (const row of result.covers) testCase.property('covers', xmlSafe(row));
}

/**
 * How each outcome maps onto JUnit. A warning (a SHOULD broken) is a failure only when the run was
 * strict; otherwise it is written to system-out so CI shows it without going red. An expected failure
 * (listed in the expectations file) is skipped, as pytest writes its xfail.
 */
function recordOutcome(testCase: TestCase, result: CaseResult, strict: boolean): void {
  const details = xmlSafe(failureText(result));
  const firstFailure = result.failures[0];
  const failureType = firstFailure ? `${firstFailure.level} ${firstFailure.check}` : result.level;
  switch (result.outcome) {
    case 'passed':
      return;
    case 'failed':
      if (result.expectedFailure) {
        skippedWithMessage(testCase, failureMessage(result, 'expected failure'))
          .property('expectedFailure', 'true')
          .standardOutput(`Expected failure:\n${details}`);
        return;
      }
      testCase.failure(failureMessage(result, 'failed'), failureType).stacktrace(details);
      return;
    case 'warning':
      if (strict) {
        testCase.failure(failureMessage(result, 'warning'), failureType).stacktrace(details);
        return;
      }
      testCase.property('warning', 'true').standardOutput(`WARNING (SHOULD):\n${details}`);
      return;
    case 'skipped': {
      const reason = xmlSafe(result.skipReason ?? 'no reason given');
      skippedWithMessage(testCase, firstLine(reason))
        .property('skipReason', reason)
        .standardOutput(`Skipped: ${reason}`);
      return;
    }
  }
}

/** One testsuite per action, one testcase per case. */
export function renderJunitReport(given: RunReport): string {
  const report = showControlsInReport(given);
  const builder = junitReportBuilder.newBuilder().name(`flows-conformance ${xmlSafe(report.summary.target)}`);
  const results = sortedResults(report.results);
  for (const action of ACTIONS) {
    const cases = results.filter((result) => result.action === action.id);
    const suite = builder
      .testSuite()
      .name(`${action.id} (${action.method} ${action.pathTemplate})`)
      .timestamp(report.summary.startedAt)
      .time(seconds(cases.reduce((sum, result) => sum + result.durationMs, 0)))
      .property('target', xmlSafe(report.summary.target))
      .property('strict', String(report.summary.strict));
    for (const result of cases) {
      const testCase = suite
        .testCase()
        .className(`${action.id}.${result.aspect}`)
        .name(xmlSafe(result.id))
        .time(seconds(result.durationMs));
      describeCase(testCase, result);
      recordOutcome(testCase, result, report.summary.strict);
    }
  }
  return builder.build() + '\n';
}

export const junitReporter = (): FileReporter =>
  fileReporter('junit', (report) => [{ file: JUNIT_REPORT_FILE, content: renderJunitReport(report) }]);
