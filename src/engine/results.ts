import type { CaseIdentity, Failure } from '../model/results';

export type { Aspect, CaseIdentity, Failure, Level } from '../model/results';

export type Outcome = 'passed' | 'failed' | 'warning' | 'skipped';

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
  /** Set when the user stopped the run (SIGINT, SIGTERM): the cases not yet run are skipped with this. */
  readonly interrupted?: string;
  /** With --no-cleanup: the name prefix of the flows the run created and left on the target. */
  readonly keptDataPrefix?: string;
  /** The run's flows that the clean-up could not remove, and the name prefix that finds them all. */
  readonly leftFlows?: {
    readonly prefix: string;
    readonly flows: readonly {
      readonly applicationId: string;
      readonly id: string;
      readonly reason: string;
    }[];
  };
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
