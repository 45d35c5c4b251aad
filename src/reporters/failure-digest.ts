import type { Failure, RunReport } from '../engine/results';
import { showControls } from './controls';
import { expectedAndGot, firstLine, groupFailures, messageShape } from './failure-groups';
import { mismatchesOf, mismatchText } from './mismatches';
import { problemResults } from './report-views';

/** How much of what was expected and what came back a terminal line shows; the report has it all. */
const TERMINAL_EXCERPT = 120;
/** A terminal line of a failure is cut to this many characters (its message, its input, its replay). */
const TERMINAL_LINE = 240;

const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * What the terminal shows after the summary line: every failed case, grouped by cause (check and
 * message shape), each with what broke the rule, then where the full report is. Empty when nothing failed.
 */
export function failureDigest(
  report: RunReport,
  fullReport?: string,
  replayCommand: (flags: string) => string = (flags) => flags,
): string[] {
  const { failures } = problemResults(report);
  if (failures.length === 0) return [];
  const groups = groupFailures(failures);
  const lines = [
    '',
    `Failures: ${failures.length} case${failures.length === 1 ? '' : 's'}, ${groups.length} cause${groups.length === 1 ? '' : 's'}`,
  ];
  for (const { check, shape, members } of groups) {
    lines.push('', `${check}: ${shape} (${members.length} case${members.length === 1 ? '' : 's'})`);
    for (const { result, failure } of members)
      lines.push(`  ${result.id}`, ...failureLines(failure, replayCommand).map((line) => `      ${line}`));
  }
  if (fullReport !== undefined) lines.push('', `Full report, with each request as curl: ${fullReport}`);
  return lines.map(showControls);
}

/**
 * One failure in a few lines: each value of the answer that broke the rule beside the expected one
 * (`/totalCount: 3, expected 16`); the message with this case's own values when the group's heading
 * masks them, with what was expected; else what was expected and what came back. A fuzz failure adds
 * its shrunk input and the flags that replay it.
 */
export function failureLines(
  failure: Failure,
  replayCommand: (flags: string) => string = (flags) => flags,
): string[] {
  const lines = mismatchesOf(failure).map(mismatchText);
  const message = firstLine(failure.message) ?? '';
  const expected = firstLine(failure.expected);
  if (messageShape(message) !== message) {
    // A long answer is cut, never what was expected after it.
    const wanted = expected === undefined ? '' : `; expected ${cut(expected, TERMINAL_EXCERPT)}`;
    lines.push(`${cut(message, TERMINAL_LINE - wanted.length)}${wanted}`);
  } else if (lines.length === 0) lines.push(expectedAndGot(failure, TERMINAL_EXCERPT));
  if (failure.input !== undefined) lines.push(`input: ${failure.input}`);
  if (failure.replay !== undefined) lines.push(`replay: ${replayCommand(failure.replay)}`);
  // The replay is a command line to paste: never cut.
  return lines.map((line) => (line.startsWith('replay: ') ? line : cut(line, TERMINAL_LINE)));
}
