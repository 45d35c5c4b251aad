import fc from 'fast-check';
import type { SchemaName } from '../../specs/catalog';
import { validatorFor } from '../schemas/registry';
import {
  child,
  numberKeyword,
  propertiesOf,
  requiredOf,
  resolve,
  schemaOf,
  typeOf,
  type Located,
  type Schema,
} from './schema-source';
import { freeObject, jsonValue, objectKey, unicodeString } from './unicode';

/**
 * JSON Schema → fast-check arbitrary of the values it accepts, for the keywords specs/schemas uses:
 * type, enum, pattern, minLength/maxLength, minimum/maximum, properties, required,
 * additionalProperties, items, minItems/maxItems, oneOf/anyOf, $ref. Nothing is written per field:
 * what a value may be comes from its schema alone.
 */

/** Longest string generated where a schema gives no maxLength. */
const UNBOUNDED_STRING = 64;

const cache = new WeakMap<object, fc.Arbitrary<unknown>>();

export function stringArbitrary(located: Located): fc.Arbitrary<string> {
  const minLength = numberKeyword(located, 'minLength') ?? 0;
  const maxLength = numberKeyword(located, 'maxLength') ?? UNBOUNDED_STRING;
  const pattern = located.schema.pattern;
  if (typeof pattern !== 'string') return unicodeString(minLength, maxLength);
  return fc
    .stringMatching(new RegExp(pattern, 'u'))
    .filter((text) => [...text].length >= minLength && [...text].length <= maxLength);
}

function numberArbitrary(located: Located, integer: boolean): fc.Arbitrary<number> {
  const min = numberKeyword(located, 'minimum');
  const max = numberKeyword(located, 'maximum');
  if (integer) return fc.integer({ min: min ?? -(2 ** 31), max: max ?? 2 ** 31 });
  const double = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return min === undefined && max === undefined ? fc.oneof(fc.integer(), double) : double;
}

function objectArbitrary(located: Located): fc.Arbitrary<Record<string, unknown>> {
  const properties = propertiesOf(located);
  const names = Object.keys(properties);
  const additional = located.schema.additionalProperties;
  if (names.length === 0 && additional === undefined) return freeObject;
  const declared = fc.record(
    Object.fromEntries(names.map((name) => [name, arbitraryOf(child(located, properties[name]))])),
    { requiredKeys: requiredOf(located).filter((name) => names.includes(name)), noNullPrototype: true },
  );
  if (typeof additional !== 'object' || additional === null) return declared;
  const extra = fc.dictionary(
    objectKey().filter((key) => !names.includes(key)),
    arbitraryOf(child(located, additional)),
    { maxKeys: 2, noNullPrototype: true },
  );
  return fc.tuple(declared, extra).map(([known, more]) => ({ ...more, ...known }));
}

/** Most lists hold at most this many items, so that lists of lists stay small; some go to maxItems. */
const USUAL_ITEMS = 3;

function arrayArbitrary(located: Located): fc.Arbitrary<unknown[]> {
  const items = located.schema.items;
  const item = items === undefined ? jsonValue : arbitraryOf(child(located, items));
  const minLength = numberKeyword(located, 'minItems') ?? 0;
  const maxLength = numberKeyword(located, 'maxItems');
  const usual = fc.array(item, {
    minLength,
    maxLength: Math.max(minLength, Math.min(maxLength ?? USUAL_ITEMS, USUAL_ITEMS)),
  });
  return fc.oneof(
    { weight: 5, arbitrary: usual },
    { weight: 1, arbitrary: fc.array(item, { minLength, maxLength }) },
  );
}

function build(located: Located): fc.Arbitrary<unknown> {
  const { schema } = located;
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const branches = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (branches) return fc.oneof(...branches.map((branch) => arbitraryOf(child(located, branch))));
  switch (typeOf(located)) {
    case 'string':
      return stringArbitrary(located);
    case 'number':
      return numberArbitrary(located, false);
    case 'integer':
      return numberArbitrary(located, true);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArbitrary(located);
    case 'object':
      return objectArbitrary(located);
    default:
      // `{}`: any value (the read-only keys an Import accepts and ignores).
      return jsonValue;
  }
}

/** The values a schema node accepts (built once per node). */
export function arbitraryOf(given: Located): fc.Arbitrary<unknown> {
  const located = resolve(given);
  let arbitrary = cache.get(located.schema);
  if (!arbitrary) {
    arbitrary = build(located);
    cache.set(located.schema, arbitrary);
  }
  return arbitrary;
}

/** Values of a named schema, each checked against the schema itself (oneOf branches that overlap). */
export function validValues(name: SchemaName): fc.Arbitrary<unknown> {
  const validate = validatorFor(name);
  return arbitraryOf(schemaOf(name)).filter((value) => validate(value).length === 0);
}
