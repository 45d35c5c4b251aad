import { randomBytes } from 'node:crypto';
import { FLOW_CLASSES } from '../../specs/catalog';
import { actionById, pathFor } from './catalog-view';
import { bearer, JSON_HEADERS } from '../http/transport';
import type { TargetConfig } from '../target/config';
import { connectTarget, type ConnectedTarget, type ConnectOptions } from '../target/connect';
import { checkTarget, TargetUnusable } from '../target/preflight';
import type { ConformanceCase } from './case';
import type { DataFacts } from '../model/data-facts';
import { createDataSet } from './dataset';
import type { CaseResult } from './results';
import { runCase, type AbortState } from './run-case';
import { encodeQueryPairs } from '../model/query-codec';
import { prefixPlaceholders, runPrefix } from './template';
import { removeFlow } from '../target/flow-removal';

/** The run cannot start: bad credentials, or the target is unreachable. One line, exit code 2. */
export class StartError extends Error {
  override readonly name = 'StartError';
}

export interface Session {
  readonly target: ConnectedTarget;
  readonly data: DataFacts;
  readonly prefix: string;
  readonly abort: AbortState;
  runCase(testCase: ConformanceCase): Promise<CaseResult>;
  /** Removes the suite's flows (unless keep) and minted tokens, then lets go of the target. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** The target's own check (src/target/preflight.ts), as the run's start error. */
async function preflight(target: ConnectedTarget): Promise<string> {
  try {
    return await checkTarget(target);
  } catch (error) {
    if (error instanceof TargetUnusable) throw new StartError(error.message);
    throw error;
  }
}

/** Deletes every flow under the run's prefix, of every class (best effort, bounded by the timeouts). */
async function removeData(target: ConnectedTarget, token: string, prefix: string): Promise<void> {
  const get = actionById('flows.get');
  const headers = { accept: JSON_HEADERS.accept, ...bearer(token) };
  const lists = await Promise.allSettled(
    FLOW_CLASSES.map((flowClass) =>
      target.transport.send({
        method: get.method,
        path: pathFor(get, { APPLICATION_ID: target.applicationId }),
        query: encodeQueryPairs([
          ['filterField', 'name'],
          ['filter', `${prefix}*`],
          ['flowClass', flowClass],
          ['perPage', '1000'],
        ]),
        headers,
      }),
    ),
  );
  const ids = lists.flatMap((list) => {
    const body =
      list.status === 'fulfilled' && list.value.json.ok
        ? (list.value.json.value as { items?: { id?: unknown }[] })
        : {};
    return (Array.isArray(body.items) ? body.items : [])
      .map((item) => item.id)
      .filter((id): id is string => typeof id === 'string');
  });
  await Promise.allSettled(ids.map((id) => removeFlow(target.transport, target.applicationId, token, id)));
}

/** Deletes the flows the run made in the other application (by id, with its token there). */
async function removeForeignData(target: ConnectedTarget, ids: readonly string[]): Promise<void> {
  if (ids.length === 0 || target.otherApplicationId === undefined) return;
  const token = await target.tokens.otherApplicationToken('flows.*');
  await Promise.allSettled(
    ids.map((id) => removeFlow(target.transport, target.otherApplicationId as string, token, id)),
  );
}

/** Connects, checks the target answers, creates the data set: ready to run cases. */
export async function openSession(config: TargetConfig, options: ConnectOptions = {}): Promise<Session> {
  const prefix = runPrefix(randomBytes(4).toString('hex'));
  const target = await connectTarget(config, { label: `flows-conformance ${prefix}`, ...options });
  let token: string;
  try {
    token = await preflight(target);
  } catch (error) {
    await target.close();
    throw error;
  }
  const data = await createDataSet(
    {
      transport: target.transport,
      applicationId: target.applicationId,
      token,
      tokens: target.tokens,
      otherApplicationId: target.otherApplicationId,
    },
    prefixPlaceholders(prefix),
  );
  const abort: AbortState = { consecutiveTransportErrors: 0 };
  const env = {
    transport: target.transport,
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
      if (!closeOptions.keepData && !abort.reason) {
        await Promise.all([
          removeData(target, token, prefix).catch(() => undefined),
          removeForeignData(
            target,
            data.foreignFlows.map((flow) => flow.id),
          ).catch(() => undefined),
        ]);
      }
      // Minted tokens are revoked whatever happens to the data: --no-cleanup keeps only the flows.
      await target.tokens.revokeMinted().catch(() => undefined);
      await target.close();
    },
  };
}
