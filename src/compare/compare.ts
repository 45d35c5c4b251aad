import type { CaseResult, Level, Outcome, RunReport } from '../engine/results';
import { keyOf } from '../model/case-key';
import {
  failureText,
  outcomesByActionAndAspect,
  sortedResults,
  type AspectRow,
} from '../reporters/report-views';

/** Reports that cannot be set side by side: they ran different cases. */
export class CompareError extends Error {
  override readonly name = 'CompareError';
}

export interface NamedReport {
  readonly name: string;
  readonly report: RunReport;
}

export interface ComparedCase {
  /** The sentence of the first report (another may word it otherwise: runs are joined by key). */
  readonly id: string;
  readonly key: string;
  readonly action: string;
  readonly aspect: string;
  /** MUST when some target failed a MUST check of it; a case no target failed keeps its own level. */
  readonly level: Level;
  /** One result per target, in the targets' order. */
  readonly results: readonly CaseResult[];
  /** The outcomes differ. */
  readonly differs: boolean;
  /** Some target passed it where another failed it (skips do not count): a disagreement on behaviour. */
  readonly disagrees: boolean;
}

export interface Comparison {
  readonly targets: readonly string[];
  /** Differing cases first (MUST disagreements, then other differences), each group by id. */
  readonly cases: readonly ComparedCase[];
  readonly rows: readonly (readonly AspectRow[])[];
  readonly mustDisagreements: number;
  readonly differences: number;
}

const verdict = (outcome: Outcome): 'pass' | 'fail' | 'skip' =>
  outcome === 'passed' ? 'pass' : outcome === 'skipped' ? 'skip' : 'fail';

/** Runs are joined by case key, so that a case reworded between two versions of the suite still meets itself. */
function checkSameCases(reports: readonly NamedReport[]): void {
  const [first, ...others] = reports;
  const firstIds = new Set(first.report.results.map(keyOf));
  for (const other of others) {
    const ids = new Set(other.report.results.map(keyOf));
    const missing = [...firstIds].filter((id) => !ids.has(id));
    const extra = [...ids].filter((id) => !firstIds.has(id));
    if (missing.length > 0 || extra.length > 0) {
      const sample = (ids: string[]) => (ids.length ? ` (first: "${ids.sort()[0]}")` : '');
      throw new CompareError(
        `${first.name} and ${other.name} ran different cases: ${missing.length} only in ${first.name}${sample(missing)}, ${extra.length} only in ${other.name}${sample(extra)}`,
      );
    }
  }
  for (const { name, report } of reports)
    if (new Set(report.results.map(keyOf)).size !== report.results.length)
      throw new CompareError(`${name} holds a case key twice`);
}

/** Levels are per check: a case differs at MUST only where a target failed a MUST check of it. */
function comparedLevel(results: readonly CaseResult[]): Level {
  if (results.some((result) => result.failures.some((failure) => failure.level === 'MUST'))) return 'MUST';
  const failedNone = results.every((result) => result.failures.length === 0);
  return failedNone && results.some((result) => result.level === 'MUST') ? 'MUST' : 'SHOULD';
}

/** The reports' cases side by side. Throws CompareError when they did not run the same cases. */
export function compareReports(reports: readonly NamedReport[]): Comparison {
  if (reports.length < 2) throw new CompareError('compare needs at least two reports');
  checkSameCases(reports);
  const byKey = reports.map(({ report }) => new Map(report.results.map((result) => [keyOf(result), result])));
  const compared = sortedResults(reports[0].report.results).map((first): ComparedCase => {
    const results = byKey.map((results) => results.get(keyOf(first)) as CaseResult);
    const verdicts = new Set(results.map((result) => verdict(result.outcome)));
    return {
      id: first.id,
      key: keyOf(first),
      action: first.action,
      aspect: first.aspect,
      level: comparedLevel(results),
      results,
      differs: new Set(results.map((result) => result.outcome)).size > 1,
      disagrees: verdicts.has('pass') && verdicts.has('fail'),
    };
  });
  const rank = (item: ComparedCase) => (item.disagrees && item.level === 'MUST' ? 0 : item.differs ? 1 : 2);
  const cases = [...compared].sort((a, b) => rank(a) - rank(b));
  return {
    targets: reports.map(({ name }) => name),
    cases,
    rows: reports.map(({ report }) => outcomesByActionAndAspect(report)),
    mustDisagreements: cases.filter((item) => rank(item) === 0).length,
    differences: cases.filter((item) => item.differs).length,
  };
}

/** What a target's result shows beside the others: its failures, or why it was skipped. */
export const resultDetail = (result: CaseResult): string =>
  result.outcome === 'passed' ? '' : failureText(result);

export const summaryOf = (comparison: Comparison): string =>
  `${comparison.cases.length} cases on ${comparison.targets.join(', ')}: ${comparison.differences} differ, ${comparison.mustDisagreements} MUST cases disagree`;
