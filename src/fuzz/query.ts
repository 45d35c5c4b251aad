import fc from 'fast-check';
import { companionsOf, type ActionSpec, type QueryParameter } from '../../specs/catalog';
import { decodeQueryText, encodeTypedQuery, MalformedQuery } from '../model/query-codec';
import { validatorFor } from '../schemas/registry';
import { arbitraryOf } from './schema-arbitrary';
import { brokenValues } from './schema-breakers';
import { schemaOf } from './schema-source';
import { codePoint, unicodeString } from './unicode';

/**
 * Queries drawn from the catalog's parameters (specs/catalog/actions.ts), by the kind of each value:
 * every parameter given or not, each from its accepted values, in combination. The glob (`filter`) is
 * always given and starts with the run's own prefix, its field (`filterField`) always set: an answer
 * then holds only the run's own flows, on any server (docs/fuzz.md).
 */

export type Query = Readonly<Record<string, unknown>>;

/** Values the run's own data holds, so that generated filters also match something. */
export interface QueryPools {
  readonly versions: readonly string[];
  readonly triggerTypes: readonly string[];
  readonly triggerKeys: readonly string[];
}

/** `a=1&triggerFilter[0][type]=webhook`: the catalog's one query codec (src/model/query-codec.ts). */
export const encodeQuery = (query: Query): string => encodeTypedQuery(query);

/**
 * What a server reads from the query string: expectations are judged on it, not on what was meant.
 * Undefined for a string past the codec's bounds (over 200 parameters, say), which is malformed.
 */
export function decodeQuery(text: string): Query | undefined {
  try {
    return decodeQueryText(text);
  } catch (error) {
    if (error instanceof MalformedQuery) return undefined;
    throw error;
  }
}

/**
 * Query strings above this many bytes are not generated: a server may refuse a long request line
 * (414 or 431, RFC 9110 §15.5.15), which the catalog does not list; Node's default limit is 16 KiB.
 */
export const QUERY_BUDGET_BYTES = 8 * 1024;
const withinBudget = (query: Query) => Buffer.byteLength(encodeQuery(query)) <= QUERY_BUDGET_BYTES;
/** A valid query is one a server can read: within the budget and the codec's bounds. */
const readable = (query: Query) => withinBudget(query) && decodeQuery(encodeQuery(query)) !== undefined;

const orPool = (pool: readonly string[], other: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  pool.length === 0 ? other : fc.oneof(fc.constantFrom(...pool), other);

const globPart = fc.string({
  unit: fc.oneof({ weight: 1, arbitrary: fc.constantFrom('*', '?') }, { weight: 3, arbitrary: codePoint }),
  maxLength: 8,
});
/** After the prefix: often a star, so that the glob matches some of the run's flows, not only none. */
const globText = fc.oneof(
  fc.constant('*'),
  globPart.map((part) => `*${part}*`),
  globPart.map((part) => `?${part}`),
  globPart,
);

function triggerFilterArbitrary(parameter: QueryParameter, pools: QueryPools): fc.Arbitrary<unknown> {
  if (parameter.value.kind !== 'triggerFilter') throw new Error('not a triggerFilter');
  const entry = fc.record(
    {
      type: orPool(pools.triggerTypes, unicodeString(0, 24)),
      key: orPool(pools.triggerKeys, unicodeString(0, 24)),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    arbitraryOf(schemaOf(parameter.value.schema)),
    fc.array(entry, { minLength: 1, maxLength: 3 }),
  );
}

function valueArbitrary(parameter: QueryParameter, prefix: string, pools: QueryPools): fc.Arbitrary<unknown> {
  const kind = parameter.value;
  switch (kind.kind) {
    case 'enum':
      return fc.constantFrom(...kind.acceptedValues);
    case 'nonNegativeInteger': {
      // Mostly the first pages, where a run's few flows are; sometimes far beyond them.
      const min = kind.minimum ?? 0;
      const max = kind.shouldMaximum ?? 1_000_000;
      return fc
        .oneof(
          { weight: 4, arbitrary: fc.integer({ min, max: Math.min(max, min + 4) }) },
          { weight: 1, arbitrary: fc.integer({ min, max }) },
        )
        .map(String);
    }
    case 'boolean':
      return fc.constantFrom('true', 'false');
    case 'string':
      return orPool(pools.versions, unicodeString(1, 32));
    case 'glob':
      return globText.map((glob) => `${prefix}${glob}`);
    case 'triggerFilter':
      return triggerFilterArbitrary(parameter, pools);
  }
}

/** The parameters that confine an answer to the run's data: the glob and its companions (the catalog's `needs`). */
const confining = (action: ActionSpec): Set<string> => {
  const glob = action.query.find((parameter) => parameter.value.kind === 'glob');
  return new Set(glob === undefined ? [] : [glob.name, ...companionsOf(action, glob.name)]);
};

export function validQuery(action: ActionSpec, prefix: string, pools: QueryPools): fc.Arbitrary<Query> {
  const always = confining(action);
  const model = Object.fromEntries(
    action.query.map((parameter) => [parameter.name, valueArbitrary(parameter, prefix, pools)]),
  );
  const requiredKeys = action.query
    .filter((parameter) => parameter.required || always.has(parameter.name))
    .map((parameter) => parameter.name);
  return fc.record(model, { requiredKeys, noNullPrototype: true }).filter(readable);
}

export interface BrokenQuery {
  readonly query: Query;
  /** `perPage: minimum`, `version: required`, `triggerFilter: maxLength at /0/key`. */
  readonly rule: string;
}

function brokenValue(parameter: QueryParameter): fc.Arbitrary<{ value: unknown; rule: string }> | undefined {
  const kind = parameter.value;
  const rule = (name: string) => (value: unknown) => ({ value, rule: name });
  switch (kind.kind) {
    case 'enum':
      return unicodeString(1, 16)
        .filter((text) => !kind.acceptedValues.includes(text))
        .map(rule('enum'));
    case 'nonNegativeInteger': {
      const breaks = [
        fc.integer({ min: 1, max: 2 ** 31 }).map((value) => rule('type')(`-${value}`)),
        fc.nat().map((value) => rule('type')(`${value}.5`)),
        unicodeString(1, 8)
          .filter((text) => !/^\s*[+-]?\d/.test(text))
          .map(rule('type')),
      ];
      if (kind.minimum !== undefined && kind.minimum > 0)
        breaks.push(
          fc.integer({ min: 0, max: kind.minimum - 1 }).map((value) => rule('minimum')(String(value))),
        );
      return fc.oneof(...breaks);
    }
    case 'boolean':
      // Decision 3 makes a refusal a MUST for enums, integers, triggerFilter and version only; a server
      // may read a bad includeCustomNodes as false (P5 asks 400 at SHOULD level, which run checks).
      return undefined;
    case 'triggerFilter': {
      // A query carries text only: types below the top cannot be broken, numbers arrive as strings.
      const schema = kind.schema;
      const validate = validatorFor(schema);
      return brokenValues(schema, {
        rules: ['type', 'maxLength', 'additionalProperties', 'maxItems'],
        typeAtTopOnly: true,
      })
        .filter((broken) => {
          const decoded = decodeQuery(encodeQuery({ [parameter.name]: broken.value }));
          // Past the codec's bounds the whole query is malformed: refused all the same.
          if (decoded === undefined) return true;
          const seen = decoded[parameter.name];
          return seen !== undefined && seen !== '' && validate(seen).length > 0;
        })
        .map((broken) => ({
          value: broken.value,
          rule: `${broken.rule}${broken.at ? ` at ${broken.at}` : ''}`,
        }));
    }
    default:
      return undefined;
  }
}

/** A valid query with exactly one parameter broken: a value outside its kind, or a required one left out. */
export function brokenQuery(
  action: ActionSpec,
  prefix: string,
  pools: QueryPools,
): fc.Arbitrary<BrokenQuery> | undefined {
  const breaks = action.query.flatMap((parameter) => {
    const out: fc.Arbitrary<BrokenQuery>[] = [];
    const value = brokenValue(parameter);
    if (value)
      out.push(
        fc.tuple(validQuery(action, prefix, pools), value).map(([query, broken]) => ({
          query: { ...query, [parameter.name]: broken.value },
          rule: `${parameter.name}: ${broken.rule}`,
        })),
      );
    if (parameter.required)
      out.push(
        validQuery(action, prefix, pools).map((query) => {
          const { [parameter.name]: _left, ...rest } = query;
          return { query: rest, rule: `${parameter.name}: required` };
        }),
      );
    return out;
  });
  return breaks.length === 0 ? undefined : fc.oneof(...breaks).filter((broken) => withinBudget(broken.query));
}
