import { randomBytes } from 'node:crypto';
import { actionById, FLOW_CLASSES_OF_GET, pathFor } from './catalog-view';
import { bearer, JSON_HEADERS, TransportError } from '../http/transport';
import type { TargetConfig } from '../target/config';
import { connectTarget, type ConnectedTarget, type ConnectOptions } from '../target/connect';
import { CredentialError, TokenUnavailable } from '../target/credentials';
import type { ConformanceCase } from './case';
import type { DataFacts } from './data-facts';
import { createDataSet } from './dataset';
import type { CaseResult } from './results';
import { runCase, type AbortState } from './run-case';
import { encodeQuery } from './request';
import { prefixPlaceholders, runPrefix } from './template';

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

async function preflight(target: ConnectedTarget): Promise<string> {
  let token: string;
  try {
    token = await target.tokens.principalToken();
  } catch (error) {
    if (error instanceof TransportError)
      throw new StartError(`target ${target.label} is unreachable: ${error.message}`);
    if (error instanceof CredentialError || error instanceof TokenUnavailable)
      throw new StartError(error.message);
    throw error;
  }
  const path = pathFor(actionById('flows.get'), target.applicationId);
  const response = await target.transport
    .send({
      method: 'GET',
      path,
      query: 'perPage=1',
      headers: { accept: JSON_HEADERS.accept, ...bearer(token) },
    })
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StartError(`target ${target.label} is unreachable: ${reason}`);
    });
  if (response.status === 401) throw new StartError(`target ${target.label} refused the credential (401)`);
  if (response.status === 404)
    throw new StartError(`target ${target.label}: application ${target.applicationId} not found`);
  return token;
}

/** Deletes every flow under the run's prefix, of every class (best effort, bounded by the timeouts). */
async function removeData(target: ConnectedTarget, token: string, prefix: string): Promise<void> {
  const get = actionById('flows.get');
  const headers = { accept: JSON_HEADERS.accept, ...bearer(token) };
  const lists = await Promise.allSettled(
    FLOW_CLASSES_OF_GET.map((flowClass) =>
      target.transport.send({
        method: 'GET',
        path: pathFor(get, target.applicationId),
        query: encodeQuery([
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
  await Promise.allSettled(
    ids.map((id) =>
      target.transport.send({
        method: 'DELETE',
        path: `${pathFor(get, target.applicationId)}/${encodeURIComponent(id)}`,
        headers,
      }),
    ),
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
    { transport: target.transport, applicationId: target.applicationId, token },
    prefixPlaceholders(prefix),
  );
  const abort: AbortState = { consecutiveTransportErrors: 0 };
  const env = {
    transport: target.transport,
    tokens: target.tokens,
    applicationId: target.applicationId,
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
        await removeData(target, token, prefix).catch(() => undefined);
        await target.tokens.revokeMinted().catch(() => undefined);
      }
      await target.close();
    },
  };
}
