import type { RunReport } from '../engine/results';
import { showControls } from './controls';
import { expectedAndGot, groupFailures } from './failure-groups';
import { problemResults } from './report-views';

/** How much of what was expected and what came back a terminal line shows; the report has it all. */
const TERMINAL_EXCERPT = 120;

/**
 * What the terminal shows after the summary line: every failed case, grouped by cause (check and
 * message shape), each with the first line of what was expected and of what came back, then where the
 * full report is. Empty when nothing failed.
 */
export function failureDigest(report: RunReport, fullReport?: string): string[] {
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
      lines.push(`  ${result.id}`, `      ${expectedAndGot(failure, TERMINAL_EXCERPT)}`);
  }
  if (fullReport !== undefined) lines.push('', `Full report, with each request as curl: ${fullReport}`);
  return lines.map(showControls);
}
