import {
  actionAt,
  actionById,
  FLOW_CLASSES,
  FLOW_ID,
  isCreate,
  matchPath,
  MAX_PER_PAGE,
  pathFor,
  type ActionSpec,
} from '../../specs/catalog';
import { encodeQueryPairs } from '../model/query-codec';
import { bearer, JSON_HEADERS, type HttpRequest, type HttpResponse, type Transport } from '../http/transport';
import { removeFlow } from './flow-removal';

const FLOW_ID_FORMAT = new RegExp(FLOW_ID.pattern);

/** Only a well-formed flow id is ever put in a DELETE's path (never `..`, `.`, or a path of its own). */
export const isFlowId = (id: unknown): id is string => typeof id === 'string' && FLOW_ID_FORMAT.test(id);

/**
 * The flows a run made: the ids that its own successful Posts and Imports answered, per application.
 * Clean-up removes these and nothing else, so a target that ignores `filter` (a bug the suite exists to
 * catch) cannot lead the run to delete flows that were there before it.
 */
export class RunFlows {
  private readonly byApplication = new Map<string, Set<string>>();

  /** Records an id a creation answered; one that is not a well-formed flow id is never deleted. */
  record(applicationId: string, id: unknown): void {
    if (!isFlowId(id)) return;
    const ids = this.byApplication.get(applicationId) ?? new Set<string>();
    ids.add(id);
    this.byApplication.set(applicationId, ids);
  }

  /** Reads a creation's successful answer (any 2xx): a Post's flow, an Import's flows. */
  recordAnswer(request: HttpRequest, response: HttpResponse): void {
    if (response.status < 200 || response.status > 299 || !response.json.ok) return;
    const action = actionAt(request.method, request.path);
    if (!action || !isCreate(action)) return;
    const applicationId = matchPath(action, request.path)?.APPLICATION_ID;
    if (applicationId === undefined) return;
    for (const id of createdIds(action, response.json.value)) this.record(applicationId, id);
  }

  applications(): string[] {
    return [...this.byApplication.keys()];
  }

  ids(applicationId: string): string[] {
    return [...(this.byApplication.get(applicationId) ?? [])];
  }

  /** Every recorded flow, as left for this reason. */
  all(reason: string): LeftFlow[] {
    return this.applications().flatMap((applicationId) =>
      this.ids(applicationId).map((id) => ({ applicationId, id, reason })),
    );
  }

  get size(): number {
    return [...this.byApplication.values()].reduce((sum, ids) => sum + ids.size, 0);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function createdIds(action: ActionSpec, body: unknown): unknown[] {
  if (!isRecord(body)) return [];
  if (action.id === 'flows.post') return [body.id];
  return Array.isArray(body.flows) ? body.flows.filter(isRecord).map((flow) => flow.id) : [];
}

/** The same transport, recording every flow its successful creations answered. */
export const recordingTransport = (transport: Transport, flows: RunFlows): Transport => ({
  baseUrl: transport.baseUrl,
  close: () => transport.close(),
  async send(request) {
    const response = await transport.send(request);
    flows.recordAnswer(request, response);
    return response;
  },
});

export interface LeftFlow {
  readonly applicationId: string;
  readonly id: string;
  readonly reason: string;
}

export interface CleanUpOutcome {
  readonly removed: number;
  /** What could not be removed, each with why: the run's prefix finds them by name. */
  readonly left: readonly LeftFlow[];
}

export interface CleanUpOptions {
  readonly transport: Transport;
  readonly flows: RunFlows;
  /** The run's name prefix: a flow is deleted only while a read shows its name still carries it. */
  readonly prefix: string;
  /** A token that may read and delete flows in that application. */
  readonly tokenFor: (applicationId: string) => Promise<string>;
  /** Nothing is sent after this long; what is not removed by then is left (and listed). */
  readonly deadlineMs?: number;
  /** Pages read per flow class to find the run's flows. */
  readonly maxPages?: number;
}

export const CLEAN_UP_DEADLINE_MS = 10_000;
const CLEAN_UP_PAGES = 10;
const DELETES_AT_ONCE = 8;

/**
 * Finds which of the run's flows still carry its prefix, by reading the Get listing under that prefix
 * (the items whose id is the run's and whose name starts with the prefix, whatever the target did with
 * the filter), then deletes those. Bounded in pages, in requests (only the run's ids) and in time.
 */
export async function removeRunFlows(options: CleanUpOptions): Promise<CleanUpOutcome> {
  const deadline = Date.now() + (options.deadlineMs ?? CLEAN_UP_DEADLINE_MS);
  const expired = () => Date.now() >= deadline;
  const left: LeftFlow[] = [];
  let removed = 0;
  for (const applicationId of options.flows.applications()) {
    const pending = new Set(options.flows.ids(applicationId));
    let token: string;
    try {
      token = await options.tokenFor(applicationId);
    } catch (error) {
      const reason = `no token to remove it: ${error instanceof Error ? error.message : String(error)}`;
      for (const id of pending) left.push({ applicationId, id, reason });
      continue;
    }
    const confirmed = await confirmUnderPrefix(options, applicationId, token, pending, expired);
    for (const id of pending)
      if (!confirmed.has(id))
        left.push({ applicationId, id, reason: 'no read showed it under the run prefix' });
    const outcomes = await deleteBounded([...confirmed], expired, async (id) => {
      const response = await removeFlow(options.transport, applicationId, token, id);
      return response.status >= 200 && response.status < 300;
    });
    for (const [id, outcome] of outcomes) {
      if (outcome === true) removed += 1;
      else left.push({ applicationId, id, reason: outcome === false ? 'the delete was refused' : outcome });
    }
  }
  return { removed, left };
}

async function confirmUnderPrefix(
  options: CleanUpOptions,
  applicationId: string,
  token: string,
  pending: ReadonlySet<string>,
  expired: () => boolean,
): Promise<Set<string>> {
  const get = actionById('flows.get');
  const prefix = options.prefix.toLowerCase();
  const confirmed = new Set<string>();
  for (const flowClass of FLOW_CLASSES) {
    const seen = new Set<string>();
    for (let page = 0; page < (options.maxPages ?? CLEAN_UP_PAGES); page += 1) {
      if (confirmed.size === pending.size || expired()) return confirmed;
      const items = await listPage(options.transport, {
        path: pathFor(get, { APPLICATION_ID: applicationId }),
        query: encodeQueryPairs([
          ['filterField', 'name'],
          ['filter', `${options.prefix}*`],
          ['flowClass', flowClass],
          ['perPage', String(MAX_PER_PAGE)],
          ['page', String(page)],
        ]),
        token,
      });
      const fresh = items.filter((item) => typeof item.id === 'string' && !seen.has(item.id));
      for (const item of fresh) {
        seen.add(item.id as string);
        if (pending.has(item.id as string) && typeof item.name === 'string')
          if (item.name.toLowerCase().startsWith(prefix)) confirmed.add(item.id as string);
      }
      // A page with nothing new ends the class: the target may ignore `page` and repeat itself.
      if (fresh.length === 0 || items.length < MAX_PER_PAGE) break;
    }
  }
  return confirmed;
}

async function listPage(
  transport: Transport,
  request: { path: string; query: string; token: string },
): Promise<Record<string, unknown>[]> {
  try {
    const response = await transport.send({
      method: 'GET',
      path: request.path,
      query: request.query,
      headers: { accept: JSON_HEADERS.accept, ...bearer(request.token) },
    });
    const body = response.status === 200 && response.json.ok ? response.json.value : undefined;
    return isRecord(body) && Array.isArray(body.items) ? body.items.filter(isRecord) : [];
  } catch {
    return [];
  }
}

/** Runs the deletes a few at a time, none started past the deadline: true, false, or why it was not. */
async function deleteBounded(
  ids: readonly string[],
  expired: () => boolean,
  remove: (id: string) => Promise<boolean>,
): Promise<Map<string, boolean | string>> {
  const outcomes = new Map<string, boolean | string>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      if (expired()) {
        outcomes.set(id, 'the clean-up ran out of time');
        continue;
      }
      try {
        outcomes.set(id, await remove(id));
      } catch (error) {
        outcomes.set(id, error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(DELETES_AT_ONCE, ids.length) }, worker));
  return outcomes;
}
