import type { ActionId, DecisionKey } from '../../specs/catalog';

/** What a case checks; reports group by action × aspect. */
/** `setup`: the suite's own data was made (a gap skips only the cases that need it). */
export type Aspect = 'setup' | 'auth' | 'query' | 'status' | 'schema' | 'body';

/** MUST: straight from the reference. SHOULD: rests on a decision, a warning unless --strict. */
export type Level = 'MUST' | 'SHOULD';

/**
 * One failed expectation, as a check returns it (checks are pure functions; see src/checks): data, not
 * a formatted text. Reporters format it (src/reporters/report-views.ts `failureText`).
 */
export interface Failure {
  readonly check: string;
  readonly caseId: string;
  readonly level: Level;
  /** What went wrong, in one line. */
  readonly message: string;
  /** The rule: where the broken rule is stated (`flows-actions.md#get-query-params`, a decision, an RFC). */
  readonly location: string;
  /** What the rule wanted. */
  readonly expected?: string;
  /** What came back: status, content type and an excerpt of the body (secrets redacted). */
  readonly actual?: string;
  /** The request that reproduces it, as curl (token redacted). */
  readonly request?: string;
}

export type Outcome = 'passed' | 'failed' | 'warning' | 'skipped';

/** What names a case, in its table and in its result. */
export interface CaseIdentity {
  /** Stable, short, unique fact: `GET flows: sortDirection=desc reverses the order`. */
  readonly id: string;
  readonly action: ActionId;
  readonly aspect: Aspect;
  /** MUST: from the reference. SHOULD: rests on `decision` only. A check may lower its own level. */
  readonly level: Level;
  /** Set when level is SHOULD. */
  readonly decision?: DecisionKey;
  /** Rows of the reference this case covers (specs/catalog/coverage.ts), for the coverage table. */
  readonly covers: readonly string[];
}

export interface CaseResult extends CaseIdentity {
  readonly outcome: Outcome;
  /** On a failure or warning: the failures; the first message holds curl, expectation and excerpt. */
  readonly failures: readonly Failure[];
  /** Why a case was skipped (never a pass). */
  readonly skipReason?: string;
  /** Listed in the expectations file as a known failure of this server. */
  readonly expectedFailure?: boolean;
  readonly durationMs: number;
}

export interface RunSummary {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly warnings: number;
  readonly skipped: number;
  /** Failures listed in the expectations file (they do not fail the run). */
  readonly expectedFailures: number;
  /** Expectation entries that passed or name no case: reported, and they fail the run. */
  readonly staleExpectations: readonly string[];
  readonly durationMs: number;
  /** Base URL of the target, never with credentials. */
  readonly target: string;
  readonly strict: boolean;
  readonly shard?: { readonly index: number; readonly count: number };
  readonly startedAt: string;
  /** Set when the run could not go on (target died): the remaining cases failed with this. */
  readonly aborted?: string;
  /** With --no-cleanup: the name prefix of the flows the run created and left on the target. */
  readonly keptDataPrefix?: string;
}

export interface RunReport {
  readonly summary: RunSummary;
  readonly results: readonly CaseResult[];
}

/** The engine's event stream; reporters and the progress display listen to it. */
export type RunEvent =
  | { readonly type: 'run:start'; readonly target: string; readonly caseCount: number }
  | { readonly type: 'case:end'; readonly result: CaseResult }
  | { readonly type: 'run:end'; readonly report: RunReport };

export interface Reporter {
  readonly name: string;
  onEvent?(event: RunEvent): void;
  /** Called once at the end (also after an aborted run); writes its files into reportDir. */
  write(report: RunReport, reportDir: string): Promise<readonly string[]>;
}
