import { randomBytes } from 'node:crypto';
import type { TargetConfig } from '../target/config';
import { connectTarget, type ConnectedTarget, type ConnectOptions } from '../target/connect';
import { checkTarget, TargetUnusable } from '../target/preflight';
import type { ConformanceCase } from './case';
import type { DataFacts } from '../model/data-facts';
import { createDataSet } from './dataset';
import type { CaseResult } from './results';
import { runCase, type AbortState } from './run-case';
import { prefixPlaceholders, runPrefix } from './template';
import { recordingTransport, removeRunFlows, RunFlows, type CleanUpOutcome } from '../target/run-flows';

/** The run cannot start: bad credentials, or the target is unreachable. One line, exit code 2. */
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
  runCase(testCase: ConformanceCase): Promise<CaseResult>;
  /**
   * Removes the flows the run made (unless keep) and the minted tokens, then lets go of the target;
   * says what it removed and what it had to leave.
   */
  close(options?: { keepData?: boolean }): Promise<CleanUpOutcome>;
}

/** The target's own check (src/target/preflight.ts), as the run's start error. */
async function preflight(target: ConnectedTarget): Promise<string> {
  try {
    return await checkTarget(target);
  } catch (error) {
    if (error instanceof TargetUnusable) throw new StartError(error.message, error.unreachable);
    throw error;
  }
}

/** Connects, checks the target answers, creates the data set: ready to run cases. */
/** A fresh run prefix: `fc<8 hex>-`. */
export const newRunPrefix = (): string => runPrefix(randomBytes(4).toString('hex'));

export async function openSession(
  config: TargetConfig,
  options: ConnectOptions & { prefix?: string } = {},
): Promise<Session> {
  const prefix = options.prefix ?? newRunPrefix();
  const target = await connectTarget(config, { label: `flows-conformance ${prefix}`, ...options });
  let token: string;
  try {
    token = await preflight(target);
  } catch (error) {
    await target.close();
    throw error;
  }
  const flows = new RunFlows();
  const transport = recordingTransport(target.transport, flows);
  const data = await createDataSet(
    {
      transport,
      applicationId: target.applicationId,
      token,
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
    runCase: (testCase) => runCase(testCase, env),
    async close(closeOptions = {}) {
      let outcome: CleanUpOutcome = { removed: 0, left: [] };
      if (!closeOptions.keepData && abort.reason)
        outcome = { removed: 0, left: flows.all(`not removed: ${abort.reason}`) };
      else if (!closeOptions.keepData) {
        outcome = await removeRunFlows({
          transport,
          flows,
          prefix,
          tokenFor: (applicationId) =>
            applicationId === target.applicationId
              ? Promise.resolve(token)
              : target.tokens.otherApplicationToken('flows.*'),
        });
      }
      // Minted tokens are revoked whatever happens to the data: --no-cleanup keeps only the flows.
      await target.tokens.revokeMinted().catch(() => undefined);
      await target.close();
      return outcome;
    },
  };
}
