import type { RunSummary } from '../engine/results';

const formatDuration = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;

/**
 * `40 cases: 35 passed, 1 failed, 1 expected failure, 2 warnings, 1 skipped in 3.2 s`: the same words
 * everywhere. Each case is counted once, so the counts add up to the total.
 */
export function summaryLine(summary: RunSummary): string {
  const expected =
    summary.expectedFailures > 0
      ? `, ${summary.expectedFailures} expected failure${summary.expectedFailures === 1 ? '' : 's'}`
      : '';
  const stale =
    summary.staleExpectations.length > 0 ? `, ${summary.staleExpectations.length} stale expectations` : '';
  const aborted = summary.aborted
    ? ` (aborted: ${summary.aborted.split('\n')[0]})`
    : summary.interrupted
      ? ` (${summary.interrupted})`
      : '';
  return (
    `${summary.total} cases: ${summary.passed} passed, ${summary.failed} failed${expected}, ` +
    `${summary.warnings} warnings, ${summary.skipped} skipped${stale} in ${formatDuration(summary.durationMs)}${aborted}`
  );
}
