import type { ActionSpec } from '../../specs/catalog';
import { decodeQueryText, MalformedQuery, rawQueryOf } from '../model/query-codec';
import { readQueryFields, type QueryReading } from '../model/resource/query-reading';
import { validationError, badRequest } from './errors';
import type { QueryBehaviour } from './behaviour';

export type { TriggerFilterEntry } from '../model/query-codec';

/** The query of a request as the model reads it: effective values (defaults filled in), and which were given. */
export interface ParsedQuery {
  readonly values: ReadonlyMap<string, unknown>;
  /** Names of the parameters the request gave (non-blank). */
  readonly given: ReadonlySet<string>;
}

export { rawQueryOf };

function decodedQueryText(raw: string): Record<string, unknown> {
  try {
    return decodeQueryText(raw);
  } catch (error) {
    if (error instanceof MalformedQuery) throw badRequest(error.message);
    throw error;
  }
}

/** The query-names-case-insensitive fault: a name given in another case is renamed to the catalog's. */
function withCatalogNames(action: ActionSpec, fields: Record<string, unknown>): Record<string, unknown> {
  const renamed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const parameter = action.query.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!parameter || !Object.hasOwn(renamed, parameter.name)) renamed[parameter?.name ?? name] = value;
  }
  return renamed;
}

/** The invalid-query-ignored fault: each refused value is dropped, so that its default applies. */
function readLeniently(action: ActionSpec, fields: Record<string, unknown>): QueryReading {
  const kept = { ...fields };
  for (;;) {
    const reading = readQueryFields(action, kept);
    if (reading.kind === 'read' || reading.parameter === undefined || !Object.hasOwn(kept, reading.parameter))
      return reading;
    delete kept[reading.parameter];
  }
}

/**
 * Decision 3 as the model reads it (src/model/resource/query-reading.ts): a refused query is a 400
 * naming the parameter; unknown parameters (`_actions`, `_links`, `_embedded` from losant-rest) are
 * ignored. The query faults alter what the model is given.
 */
export function parseQuery(action: ActionSpec, raw: string, behaviour: QueryBehaviour): ParsedQuery {
  const decoded = decodedQueryText(raw);
  const fields = behaviour.namesCaseInsensitive ? withCatalogNames(action, decoded) : decoded;
  if (
    behaviour.duplicateCrashes &&
    action.query.some(({ name }) => name !== 'triggerFilter' && Array.isArray(fields[name]))
  )
    throw new TypeError('duplicate-query-crashes');
  const reading = behaviour.invalidAsDefault
    ? readLeniently(action, fields)
    : readQueryFields(action, fields);
  if (reading.kind === 'refused') throw validationError(`Query parameter ${reading.reason}`);
  return reading;
}

/**
 * What identifies the answer to a query: the catalog's parameters with their effective values, and
 * which were given (echoes depend on it); unknown parameters and the order of parameters are not in it.
 */
export const queryKey = (query: ParsedQuery): string => JSON.stringify([[...query.values], [...query.given]]);

export interface KeyedQuery {
  readonly query: ParsedQuery;
  readonly key: string;
}

/** Entries kept per server before the memo starts again (a client making queries distinct cannot grow it). */
const MEMO_ENTRIES = 512;
const memos = new WeakMap<QueryBehaviour, Map<string, KeyedQuery>>();

/**
 * parseQuery and queryKey, remembered per server (its query behaviour) by action and raw query text: a
 * repeated Get then skips qs and the validation of every parameter (~40% of a cached Get's CPU).
 * A ParsedQuery is never changed once made, so sharing it is safe; a refused query is never kept.
 */
export function parseQueryMemo(action: ActionSpec, raw: string, behaviour: QueryBehaviour): KeyedQuery {
  let memo = memos.get(behaviour);
  if (!memo) {
    memo = new Map();
    memos.set(behaviour, memo);
  }
  const memoKey = `${action.id}?${raw}`;
  let keyed = memo.get(memoKey);
  if (!keyed) {
    const query = parseQuery(action, raw, behaviour);
    keyed = { query, key: queryKey(query) };
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.set(memoKey, keyed);
  }
  return keyed;
}
