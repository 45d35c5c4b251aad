import {
  ACTIONS,
  referenceRows,
  type ActionSpec,
  type DecisionKey,
  type ReferenceRow,
} from '../../specs/catalog';
import type { Aspect, CaseResult, Failure, Outcome, RunReport } from '../engine/results';

/**
 * Read-only views of a RunReport that several formats share. They group and count what the engine
 * decided; none of them decides pass or fail.
 */

export const ASPECTS: readonly Aspect[] = ['setup', 'auth', 'query', 'status', 'schema', 'body'];

/** Aspects of the other modes: `fuzz` (generated inputs) and `traffic` (the proxy's exchanges). */
const MODE_ASPECTS: readonly Aspect[] = ['fuzz', 'traffic'];

/** The aspects a report's tables show: a run of another mode only its own, a conformance run the six above. */
export const aspectsOf = (report: RunReport): readonly Aspect[] => {
  const modes = MODE_ASPECTS.filter((aspect) => report.results.some((result) => result.aspect === aspect));
  return modes.length > 0 ? modes : ASPECTS;
};
export const OUTCOMES: readonly Outcome[] = ['passed', 'failed', 'warning', 'skipped'];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  passed: 'PASS',
  failed: 'FAIL',
  warning: 'WARN',
  skipped: 'SKIP',
};

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Results in a stable order: by case id. */
export function sortedResults(results: readonly CaseResult[]): CaseResult[] {
  return [...results].sort((a, b) => byCodePoint(a.id, b.id));
}

/**
 * Where a case is counted, exactly once: a failure or warning listed in the expectations file is
 * `expected`, apart from the failures, so that the counts of a table add up to its number of cases.
 */
export type Tally = 'passed' | 'failed' | 'expected' | 'warning' | 'skipped';
export type TallyCounts = Record<Tally, number>;

export const tallyOf = (result: CaseResult): Tally =>
  result.expectedFailure && (result.outcome === 'failed' || result.outcome === 'warning')
    ? 'expected'
    : result.outcome;

export function countOutcomes(results: readonly CaseResult[]): TallyCounts {
  const counts: TallyCounts = { passed: 0, failed: 0, expected: 0, warning: 0, skipped: 0 };
  for (const result of results) counts[tallyOf(result)] += 1;
  return counts;
}

/** A failure that is listed in the expectations file is reported apart: it does not fail the run. */
export const isUnexpectedFailure = (result: CaseResult): boolean =>
  result.outcome === 'failed' && !result.expectedFailure;

/** Failures first (unexpected, then expected), then warnings, each by id. */
export function problemResults(report: RunReport): {
  failures: CaseResult[];
  expected: CaseResult[];
  warnings: CaseResult[];
} {
  const sorted = sortedResults(report.results);
  return {
    failures: sorted.filter(isUnexpectedFailure),
    expected: sorted.filter((result) => result.outcome === 'failed' && result.expectedFailure),
    warnings: sorted.filter((result) => result.outcome === 'warning'),
  };
}

/** The text to show for a failed or warning case: every failure's message, with its check and rule. */
export function failureText(result: CaseResult): string {
  if (result.failures.length === 0) return result.skipReason ?? `${result.outcome} (no message)`;
  return result.failures.map(formatFailure).join('\n\n');
}

/** A failure's fields as the lines a person reads: the problem, the rule, the request, the answer. */
export function formatFailure(failure: Failure): string {
  const lines = [`[${failure.level} ${failure.check}] ${failure.location}`, failure.message];
  if (failure.expected !== undefined) lines.push(`expected: ${failure.expected} (${failure.location})`);
  if (failure.input !== undefined) lines.push(`input: ${failure.input}`);
  if (failure.replay !== undefined) lines.push(`replay: ${failure.replay}`);
  if (failure.request !== undefined) lines.push(`request: ${failure.request}`);
  if (failure.actual !== undefined) lines.push(`response: ${failure.actual}`);
  return lines.join('\n');
}

export interface AspectRow {
  readonly action: ActionSpec;
  readonly aspect: Aspect;
  readonly counts: TallyCounts;
}

/** One row per action × aspect of the catalog, also where no case ran. */
export function outcomesByActionAndAspect(report: RunReport): AspectRow[] {
  const aspects = aspectsOf(report);
  return ACTIONS.flatMap((action) =>
    aspects.map((aspect) => ({
      action,
      aspect,
      counts: countOutcomes(
        report.results.filter((result) => result.action === action.id && result.aspect === aspect),
      ),
    })),
  );
}

export interface CoveredRow {
  readonly row: ReferenceRow;
  readonly cases: readonly CaseResult[];
}

export interface ActionCoverage {
  readonly action: ActionSpec;
  readonly rows: readonly CoveredRow[];
}

export interface Coverage {
  readonly actions: readonly ActionCoverage[];
  readonly uncovered: readonly ReferenceRow[];
  /** Row ids that a case claims to cover but that no action of the catalog has (a typo in a case). */
  readonly unknownRows: readonly { readonly rowId: string; readonly caseIds: readonly string[] }[];
}

/** Every reference row of every action, with the cases that cover it (whatever their outcome). */
export function coverageOf(report: RunReport): Coverage {
  const casesByRow = new Map<string, CaseResult[]>();
  for (const result of sortedResults(report.results))
    for (const rowId of new Set(result.covers))
      casesByRow.set(rowId, [...(casesByRow.get(rowId) ?? []), result]);
  const known = new Set<string>();
  const actions = ACTIONS.map((action) => ({
    action,
    rows: referenceRows(action).map((row) => {
      known.add(row.id);
      return { row, cases: casesByRow.get(row.id) ?? [] };
    }),
  }));
  const uncovered = actions.flatMap((entry) =>
    entry.rows.filter((row) => row.cases.length === 0).map((row) => row.row),
  );
  const unknownRows = [...casesByRow.entries()]
    .filter(([rowId]) => !known.has(rowId))
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([rowId, cases]) => ({ rowId, caseIds: cases.map((result) => result.id) }));
  return { actions, uncovered, unknownRows };
}

/** The cases of an action that rest on a decision. */
export function casesOfDecision(report: RunReport, action: ActionSpec, decision: DecisionKey): CaseResult[] {
  return sortedResults(
    report.results.filter((result) => result.action === action.id && result.decision === decision),
  );
}
