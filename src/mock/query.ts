import type { ActionSpec, QueryParameter } from '../../specs/catalog';
import {
  decodedDefault,
  decodeQueryText,
  decodeValue,
  InvalidQueryValue,
  MalformedQuery,
  rawQueryOf,
} from '../model/query-codec';
import { validationError, badRequest } from './errors';
import type { QueryBehaviour } from './behaviour';

export type { TriggerFilterEntry } from '../model/query-codec';

/** The query of a request, validated against the catalog's parameters, with the catalog's defaults. */
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

/**
 * Blank means "not provided" for the parameters whose reference default is blank (filter, filterField,
 * ...) and for required ones (so a blank `version` is missing); elsewhere it is an invalid value.
 */
const blankMeansAbsent = (parameter: QueryParameter, raw: unknown): boolean =>
  raw === '' && (parameter.required || parameter.default === '');

/** The value given for a parameter; names are case-sensitive (P5) unless the behaviour says otherwise. */
function rawValueOf(parsed: Record<string, unknown>, name: string, behaviour: QueryBehaviour): unknown {
  if (Object.prototype.hasOwnProperty.call(parsed, name)) return parsed[name];
  if (!behaviour.namesCaseInsensitive) return undefined;
  const key = Object.keys(parsed).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : parsed[key];
}

/**
 * Decision 3: every value outside what the catalog accepts is a 400 naming the parameter; unknown
 * parameters (`_actions`, `_links`, `_embedded` from losant-rest) are ignored.
 */
export function parseQuery(action: ActionSpec, raw: string, behaviour: QueryBehaviour): ParsedQuery {
  const parsed = decodedQueryText(raw);
  const values = new Map<string, unknown>();
  const given = new Set<string>();
  for (const parameter of action.query) {
    const rawValue = rawValueOf(parsed, parameter.name, behaviour);
    if (rawValue === undefined || blankMeansAbsent(parameter, rawValue)) {
      if (parameter.required && !behaviour.invalidAsDefault) {
        throw validationError(`Query parameter ${parameter.name} is required`);
      }
      values.set(parameter.name, decodedDefault(parameter));
      continue;
    }
    if (behaviour.duplicateCrashes && Array.isArray(rawValue) && parameter.name !== 'triggerFilter')
      throw new TypeError('duplicate-query-crashes');
    try {
      values.set(parameter.name, decodeValue(parameter.value, rawValue));
      given.add(parameter.name);
    } catch (error) {
      if (!(error instanceof InvalidQueryValue)) throw error;
      if (behaviour.invalidAsDefault) {
        values.set(parameter.name, decodedDefault(parameter));
        continue;
      }
      throw validationError(`Query parameter ${parameter.name} ${error.message}`);
    }
  }
  return { values, given };
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
