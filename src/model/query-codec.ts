import qs from 'qs';
import type { ActionSpec, QueryParameter, QueryValueKind } from '../../specs/catalog';
import { describeViolation, validatorFor } from '../schemas/registry';

/**
 * The one codec of the catalog's query parameters: the mock decodes with it, the engine and the pacts
 * encode with it, the typed client serializes with it, so all read `triggerFilter[0][type]` and
 * `includeCustomNodes=true` alike.
 */

/** A query as name/value pairs, exactly as on the wire (`triggerFilter[0][type]`, repeats kept). */
export type QueryPairs = readonly (readonly [string, string])[];

/** One entry of `triggerFilter` (schemas.md#workflow-trigger-filter): type and key both optional. */
export interface TriggerFilterEntry {
  readonly type?: string;
  readonly key?: string;
}

/** A query string qs refuses (over its bounds). */
export class MalformedQuery extends Error {}
/** A value outside what the catalog accepts for its parameter; the message completes "Query parameter X ". */
export class InvalidQueryValue extends Error {}

/** Bounds that keep absurd query strings cheap; beyond them decoding throws MalformedQuery. */
const DECODE_OPTIONS: qs.IParseOptions & { throwOnLimitExceeded: boolean } = {
  // Deeper brackets stay as literal keys, which the Workflow Trigger Filter schema then refuses.
  depth: 2,
  arrayLimit: 100,
  parameterLimit: 200,
  throwOnLimitExceeded: true,
  allowPrototypes: false,
  plainObjects: true,
};

/** The text after `?` of a URL, '' when it has none. */
export function rawQueryOf(url: string | undefined): string {
  const at = url?.indexOf('?') ?? -1;
  return at < 0 || url === undefined ? '' : url.slice(at + 1);
}

/** `triggerFilter[0][type]=webhook&page=1` → `{ triggerFilter: [{ type: 'webhook' }], page: '1' }`. */
export function decodeQueryText(raw: string): Record<string, unknown> {
  if (raw === '') return {};
  try {
    return qs.parse(raw, DECODE_OPTIONS) as Record<string, unknown>;
  } catch (error) {
    throw new MalformedQuery(`Malformed query string: ${(error as Error).message}`);
  }
}

/** Pairs as a query string: brackets stay readable (as the reference writes them), all else percent-encoded. */
export const encodeQueryPairs = (pairs: QueryPairs): string =>
  pairs
    .map(
      ([name, value]) =>
        `${encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(value)}`,
    )
    .join('&');

/** A typed query (numbers, booleans, triggerFilter entries) as a query string; undefined keys left out. */
export const encodeTypedQuery = (query: object | undefined): string =>
  query ? qs.stringify(query, { encodeValuesOnly: true, arrayFormat: 'indices', skipNulls: true }) : '';

const NON_NEGATIVE_INTEGER = /^\d{1,15}$/;

/**
 * The typed form of a raw value: a number, a boolean, triggerFilter entries, or the string. Booleans
 * are `true` or `false` exactly, as the reference writes them, and like every other value
 * case-sensitive (docs/decisions.md P5). Whether the value is accepted is `checkValue`'s to say.
 */
export function typedValue(kind: QueryValueKind, raw: unknown): unknown {
  if (kind.kind === 'triggerFilter') return raw;
  if (typeof raw !== 'string') throw new InvalidQueryValue('must be given once, as a plain value');
  switch (kind.kind) {
    case 'nonNegativeInteger':
      if (!NON_NEGATIVE_INTEGER.test(raw)) throw new InvalidQueryValue('must be a non-negative integer');
      return Number(raw);
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new InvalidQueryValue('must be true or false');
      return raw === 'true';
    case 'enum':
    case 'string':
    case 'glob':
      return raw;
  }
}

/** Throws InvalidQueryValue unless a typed value is one the catalog accepts (decision 3). */
function checkValue(kind: QueryValueKind, value: unknown): void {
  switch (kind.kind) {
    case 'triggerFilter': {
      const violations = validatorFor(kind.schema)(value);
      if (violations.length > 0)
        throw new InvalidQueryValue(`is not a Workflow Trigger Filter (${describeViolation(violations[0])})`);
      return;
    }
    case 'enum':
      if (!kind.acceptedValues.includes(value as string))
        throw new InvalidQueryValue(`must be one of: ${kind.acceptedValues.join(', ')}`);
      return;
    case 'nonNegativeInteger':
      if (kind.minimum !== undefined && (value as number) < kind.minimum)
        throw new InvalidQueryValue(`must be at least ${kind.minimum}`);
      if (kind.shouldMaximum !== undefined && (value as number) > kind.shouldMaximum)
        throw new InvalidQueryValue(`must be at most ${kind.shouldMaximum}`);
      return;
    default:
      return;
  }
}

/** One value as the catalog accepts it, typed; InvalidQueryValue (the rest of a 400's message) if not. */
export function decodeValue(kind: QueryValueKind, raw: unknown): unknown {
  const value = typedValue(kind, raw);
  checkValue(kind, value);
  return value;
}

/** The decoded default of a parameter; undefined where the reference gives none. */
export const decodedDefault = (parameter: QueryParameter): unknown =>
  parameter.default === '' ? undefined : decodeValue(parameter.value, parameter.default);

/**
 * The typed form of a query (as the typed client takes it), typed as the mock types it; values out of
 * range stay (a pact's 400 sends `perPage=0`), names the action does not know are kept as they came.
 */
export function typedQuery(action: ActionSpec, pairs: QueryPairs): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(decodeQueryText(encodeQueryPairs(pairs)))) {
    const parameter = action.query.find((candidate) => candidate.name === name);
    typed[name] = parameter ? typedValue(parameter.value, value) : value;
  }
  return typed;
}
