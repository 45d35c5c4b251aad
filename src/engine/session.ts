import type { TargetConfig } from '../target/config';
import type { ConnectedTarget } from '../target/connect';
import { TargetUnusable } from '../target/preflight';
import type { CleanUpOutcome } from '../target/run-flows';
import { openTargetSession, type TargetSession, type TargetSessionOptions } from '../target/session';
import type { ConformanceCase } from './case';
import type { DataFacts } from '../model/data-facts';
import { createDataSet } from './dataset';
import type { CaseResult } from './results';
import { runCase, type AbortState } from './run-case';
import { prefixPlaceholders } from './template';

/** The run cannot start: bad credentials (exit code 2), or the target is unreachable (3). One line. */
export class StartError extends Error {
  override readonly name = 'StartError';
  constructor(
    message: string,
    readonly unreachable = false,
  ) {
    super(message);
  }
}

export interface Session {
  readonly target: ConnectedTarget;
  readonly data: DataFacts;
  readonly prefix: string;
  readonly abort: AbortState;
  /** Given and minted secrets, for the reports to scrub. */
  secrets(): string[];
  runCase(testCase: ConformanceCase): Promise<CaseResult>;
  /**
   * Removes the flows the run made (unless keep) and the minted tokens, then lets go of the target;
   * says what it removed and what it had to leave.
   */
  close(options?: { keepData?: boolean }): Promise<CleanUpOutcome>;
}

/** The target session (src/target/session.ts), its failure to open as the run's start error. */
async function openChecked(config: TargetConfig, options: TargetSessionOptions): Promise<TargetSession> {
  try {
    return await openTargetSession(config, { ...options, label: 'flows-conformance' });
  } catch (error) {
    if (error instanceof TargetUnusable) throw new StartError(error.message, error.unreachable);
    throw error;
  }
}

/** Connects, checks the target answers, creates the data set: ready to run cases. */
export async function openSession(
  config: TargetConfig,
  options: TargetSessionOptions = {},
): Promise<Session> {
  // The run's cases under way finish when it is interrupted (AbortState.interrupted): no signal here.
  const session = await openChecked(config, { ...options, signal: undefined });
  const { target, transport, prefix } = session;
  const data = await createDataSet(
    {
      transport,
      applicationId: target.applicationId,
      token: session.principal,
      tokens: target.tokens,
      otherApplicationId: target.otherApplicationId,
    },
    prefixPlaceholders(prefix),
  );
  const abort: AbortState = { consecutiveTransportErrors: 0 };
  const env = {
    transport,
    tokens: target.tokens,
    applicationId: target.applicationId,
    foreignApplicationId: target.foreignApplicationId,
    data,
    strict: config.strict,
    abort,
  };
  return {
    target,
    data,
    prefix,
    abort,
    secrets: () => session.secrets(),
    runCase: (testCase) => runCase(testCase, env),
    close: (closeOptions = {}) => session.close({ ...closeOptions, leftBecause: abort.reason }),
  };
}
