import type { CaseResult, RunReport } from '../engine/results';
import { FAULT_LEVELS } from '../mock/fault-levels';
import { CASE_FAULT_NAMES, FAULTS, type FaultName } from '../mock/faults';
import type { Level } from '../model/results';

/**
 * The kill matrix: the suite against every deliberate fault of the mock. A case kills a fault when it
 * reports a failure (or a warning) on the faulty server; a skipped case kills nothing.
 */

export interface FaultOutcome {
  readonly fault: FaultName;
  readonly description: string;
  /** The level of the rule the fault breaks (src/mock/fault-levels.ts). */
  readonly expectedLevel: Level;
  /** MUST when some MUST failure catches it, SHOULD when only SHOULD failures do; none when it survives. */
  readonly level?: Level;
  /** Caught as its level requires: a MUST-level fault by a MUST failure, a SHOULD-level one by any failure. */
  readonly killed: boolean;
  /** The cases that report a failure on it. */
  readonly killedBy: readonly string[];
  /** The checks that fired on it. */
  readonly checks: readonly string[];
  /** How `flows-conformance explore` alone, at its default budget, fares on it (when measured). */
  readonly explore?: JudgeOutcome;
  /** How `flows-conformance fuzz` alone, at its default runs (bounded per fault), fares on it (when measured). */
  readonly fuzz?: JudgeOutcome;
  /** How the proxy fares on the official client's ordinary traffic (when measured). */
  readonly proxy?: JudgeOutcome;
}

/** One judge's verdict on one fault: the level it caught it at, and whether that is a kill. */
export interface JudgeOutcome {
  readonly level?: Level;
  readonly killed: boolean;
}

export interface MutantsMatrix {
  readonly faults: readonly FaultOutcome[];
  /** Each case that kills some fault, with the faults it kills. */
  readonly cases: readonly { readonly id: string; readonly kills: readonly FaultName[] }[];
  readonly killed: number;
  readonly total: number;
  /** killed / total. */
  readonly score: number;
  /** MUST-level faults no MUST failure catches: `npm run mutants` exits 1 when there is one. */
  readonly survivingMust: readonly FaultName[];
  /** Checks no fault makes fire. */
  readonly silentChecks: readonly string[];
  /** Faults `explore` alone kills (when measured). */
  readonly exploreKilled?: number;
  /** Faults `fuzz` alone kills (when measured). */
  readonly fuzzKilled?: number;
  /** Faults the proxy kills on the official client's traffic (when measured). */
  readonly proxyKilled?: number;
}

const catches = (result: CaseResult): boolean =>
  (result.outcome === 'failed' || result.outcome === 'warning') && result.failures.length > 0;

/** A report's verdict on a fault: a MUST-level fault needs a MUST failure, a SHOULD-level one any. */
export function judgeOutcome(fault: FaultName, report: RunReport): JudgeOutcome {
  const levels = new Set(
    report.results.filter(catches).flatMap((result) => result.failures.map((failure) => failure.level)),
  );
  const level: Level | undefined = levels.has('MUST') ? 'MUST' : levels.size > 0 ? 'SHOULD' : undefined;
  return { level, killed: FAULT_LEVELS[fault] === 'MUST' ? level === 'MUST' : level !== undefined };
}

export function faultOutcome(fault: FaultName, report: RunReport): FaultOutcome {
  const catching = report.results.filter(catches);
  return {
    fault,
    description: FAULTS[fault],
    expectedLevel: FAULT_LEVELS[fault],
    ...judgeOutcome(fault, report),
    killedBy: catching.map((result) => result.id).sort(),
    checks: [
      ...new Set(catching.flatMap((result) => result.failures.map((failure) => failure.check))),
    ].sort(),
  };
}

/** The other judges of the matrix, each a column: a report of that judge against one fault. */
export interface OtherJudges {
  readonly explore?: (fault: FaultName) => Promise<RunReport>;
  readonly fuzz?: (fault: FaultName) => Promise<RunReport>;
  readonly proxy?: (fault: FaultName) => Promise<RunReport>;
}

/**
 * The matrix from one run per fault; `checkNames` are the named checks that should each fire once;
 * `judges`, when given, fill the `explore`, `fuzz` and `proxy` columns.
 */
export async function computeMutants(
  runWithFault: (fault: FaultName) => Promise<RunReport>,
  checkNames: readonly string[],
  faults: readonly FaultName[] = CASE_FAULT_NAMES,
  judges: OtherJudges = {},
): Promise<MutantsMatrix> {
  const outcomes: FaultOutcome[] = [];
  for (const fault of faults) {
    const outcome = faultOutcome(fault, await runWithFault(fault));
    outcomes.push({
      ...outcome,
      ...(judges.explore && { explore: judgeOutcome(fault, await judges.explore(fault)) }),
      ...(judges.fuzz && { fuzz: judgeOutcome(fault, await judges.fuzz(fault)) }),
      ...(judges.proxy && { proxy: judgeOutcome(fault, await judges.proxy(fault)) }),
    });
  }
  const kills = new Map<string, FaultName[]>();
  for (const outcome of outcomes)
    for (const id of outcome.killedBy) kills.set(id, [...(kills.get(id) ?? []), outcome.fault]);
  const fired = new Set(outcomes.flatMap((outcome) => outcome.checks));
  const killed = outcomes.filter((outcome) => outcome.killed).length;
  return {
    faults: outcomes,
    cases: [...kills]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, faultsKilled]) => ({ id, kills: faultsKilled })),
    killed,
    total: outcomes.length,
    score: outcomes.length === 0 ? 1 : killed / outcomes.length,
    survivingMust: outcomes
      .filter((outcome) => outcome.expectedLevel === 'MUST' && !outcome.killed)
      .map((outcome) => outcome.fault),
    silentChecks: checkNames.filter((check) => !fired.has(check)),
    ...(judges.explore && {
      exploreKilled: outcomes.filter((outcome) => outcome.explore?.killed).length,
    }),
    ...(judges.fuzz && { fuzzKilled: outcomes.filter((outcome) => outcome.fuzz?.killed).length }),
    ...(judges.proxy && {
      proxyKilled: outcomes.filter((outcome) => outcome.proxy?.killed).length,
    }),
  };
}
