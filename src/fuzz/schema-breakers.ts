import fc from 'fast-check';
import type { SchemaName } from '../../specs/catalog';
import { validatorFor } from '../schemas/registry';
import { arbitraryOf } from './schema-arbitrary';
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
import { jsonValue, objectKey, unicodeString } from './unicode';

/**
 * JSON Schema → values that break exactly one of its rules: a value of another type, a string outside
 * an enum or a pattern, one character too many or too few, a number beyond minimum/maximum, a required
 * key left out, an undeclared key, one item too many — at any depth, the rest of the value valid.
 */

/** The rules a negative input can break; reports and counterexamples name them. */
export type SchemaRule =
  | 'type'
  | 'enum'
  | 'pattern'
  | 'minLength'
  | 'maxLength'
  | 'minimum'
  | 'maximum'
  | 'required'
  | 'additionalProperties'
  | 'minItems'
  | 'maxItems';

export interface Broken {
  readonly value: unknown;
  readonly rule: SchemaRule;
  /** JSON Pointer to where the rule is broken. */
  readonly at: string;
}

/** Which rules to break: a query string cannot carry a type (every value arrives as text). */
export interface BreakOptions {
  readonly rules?: readonly SchemaRule[];
  /** Break `type` at the top only (a query parameter can be a text instead of a list, no deeper). */
  readonly typeAtTopOnly?: boolean;
}

const SAMPLES: Readonly<Record<string, unknown>> = {
  string: 'text',
  number: 1.5,
  integer: 1,
  boolean: true,
  null: null,
  array: [],
  object: {},
};

const typesAllowed = (located: Located): Set<string> | undefined => {
  const branches = (located.schema.oneOf ?? located.schema.anyOf) as Schema[] | undefined;
  const types = branches
    ? branches.map((branch) => typeOf(resolve(child(located, branch))))
    : [typeOf(located)];
  if (types.some((type) => type === undefined)) return undefined;
  const allowed = new Set(types as string[]);
  if (allowed.has('number')) allowed.add('integer');
  return allowed;
};

const pointerToken = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

const at = (prefix: string) => (broken: Broken) => ({ ...broken, at: `/${prefix}${broken.at}` });

function ownBreaks(located: Located, top: boolean, options: BreakOptions): fc.Arbitrary<Broken>[] {
  const { schema } = located;
  const out: fc.Arbitrary<Broken>[] = [];
  const broken = (rule: SchemaRule, value: fc.Arbitrary<unknown>) =>
    out.push(value.map((item) => ({ value: item, rule, at: '' })));
  const allowed = typesAllowed(located);
  if (allowed && (top || !options.typeAtTopOnly)) {
    const others = Object.keys(SAMPLES).filter((type) => !allowed.has(type));
    if (others.length > 0) broken('type', fc.constantFrom(...others.map((type) => SAMPLES[type])));
  }
  if (Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === 'string'))
    broken(
      'enum',
      unicodeString(1, 24).filter((text) => !(schema.enum as string[]).includes(text)),
    );
  if (typeOf(located) === 'string') {
    const minLength = numberKeyword(located, 'minLength') ?? 0;
    const maxLength = numberKeyword(located, 'maxLength');
    if (typeof schema.pattern === 'string') {
      const pattern = new RegExp(schema.pattern, 'u');
      broken(
        'pattern',
        unicodeString(Math.max(minLength, 1), Math.min(maxLength ?? 40, 40)).filter(
          (text) => !pattern.test(text),
        ),
      );
    } else {
      if (maxLength !== undefined) broken('maxLength', unicodeString(maxLength + 1, maxLength + 2));
      if (minLength > 0) broken('minLength', unicodeString(minLength - 1, minLength - 1));
    }
  }
  const minimum = numberKeyword(located, 'minimum');
  const maximum = numberKeyword(located, 'maximum');
  if (minimum !== undefined) broken('minimum', fc.integer({ min: -(2 ** 31), max: Math.ceil(minimum) - 1 }));
  if (maximum !== undefined) broken('maximum', fc.integer({ min: Math.floor(maximum) + 1, max: 2 ** 31 }));
  if (typeOf(located) === 'object') {
    const valid = arbitraryOf(located) as fc.Arbitrary<Record<string, unknown>>;
    for (const key of requiredOf(located))
      out.push(
        valid.map((value) => {
          const { [key]: _left, ...rest } = value;
          return { value: rest, rule: 'required' as const, at: `/${pointerToken(key)}` };
        }),
      );
    if (schema.additionalProperties === false) {
      const names = Object.keys(propertiesOf(located));
      out.push(
        fc
          .tuple(
            valid,
            objectKey().filter((key) => !names.includes(key)),
            jsonValue,
          )
          .map(([value, key, extra]) => ({
            value: { ...value, [key]: extra },
            rule: 'additionalProperties' as const,
            at: `/${pointerToken(key)}`,
          })),
      );
    }
  }
  if (typeOf(located) === 'array' && schema.items !== undefined) {
    const item = arbitraryOf(child(located, schema.items));
    const maxItems = numberKeyword(located, 'maxItems');
    const minItems = numberKeyword(located, 'minItems') ?? 0;
    // One item repeated: a list one too long costs one generated item, not maxItems + 1.
    if (maxItems !== undefined)
      broken(
        'maxItems',
        item.map((value) => Array.from({ length: maxItems + 1 }, () => value)),
      );
    if (minItems > 0)
      broken('minItems', fc.array(item, { minLength: minItems - 1, maxLength: minItems - 1 }));
  }
  return out;
}

function deeperBreaks(located: Located, options: BreakOptions): fc.Arbitrary<Broken>[] {
  const { schema } = located;
  const out: fc.Arbitrary<Broken>[] = [];
  const branches = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  for (const branch of branches ?? []) out.push(...breaksOf(child(located, branch), false, options));
  if (typeOf(located) === 'object') {
    const valid = arbitraryOf(located) as fc.Arbitrary<Record<string, unknown>>;
    const properties = propertiesOf(located);
    for (const [key, property] of Object.entries(properties)) {
      const inner = breaksOf(child(located, property), false, options);
      if (inner.length === 0) continue;
      out.push(
        fc
          .tuple(valid, fc.oneof(...inner))
          .map(([value, broken]) =>
            at(pointerToken(key))({ ...broken, value: { ...value, [key]: broken.value } }),
          ),
      );
    }
    const additional = schema.additionalProperties;
    if (typeof additional === 'object' && additional !== null) {
      const inner = breaksOf(child(located, additional), false, options);
      const names = Object.keys(properties);
      if (inner.length > 0)
        out.push(
          fc
            .tuple(
              valid,
              objectKey().filter((key) => !names.includes(key)),
              fc.oneof(...inner),
            )
            .map(([value, key, broken]) =>
              at(pointerToken(key))({ ...broken, value: { ...value, [key]: broken.value } }),
            ),
        );
    }
  }
  if (typeOf(located) === 'array' && schema.items !== undefined) {
    const item = arbitraryOf(child(located, schema.items));
    const inner = breaksOf(child(located, schema.items), false, options);
    const maxItems = numberKeyword(located, 'maxItems') ?? 4;
    if (inner.length > 0)
      out.push(
        fc
          .tuple(fc.array(item, { maxLength: Math.min(3, maxItems - 1) }), fc.oneof(...inner), fc.nat())
          .map(([items, broken, index]) => {
            const place = index % (items.length + 1);
            const value = [...items.slice(0, place), broken.value, ...items.slice(place)];
            return at(String(place))({ ...broken, value });
          }),
      );
  }
  return out;
}

const breaksCache = new WeakMap<object, fc.Arbitrary<Broken>[]>();

function breaksOf(given: Located, top: boolean, options: BreakOptions): fc.Arbitrary<Broken>[] {
  const located = resolve(given);
  const cacheable = !top && options.rules === undefined && !options.typeAtTopOnly;
  const cached = cacheable ? breaksCache.get(located.schema) : undefined;
  if (cached) return cached;
  const all = [...ownBreaks(located, top, options), ...deeperBreaks(located, options)];
  if (cacheable) breaksCache.set(located.schema, all);
  return all;
}

/**
 * Values of a named schema that break one rule, each checked to be refused by the schema itself (a
 * break that another oneOf branch or additionalProperties schema admits is dropped).
 */
export function brokenValues(name: SchemaName, options: BreakOptions = {}): fc.Arbitrary<Broken> {
  const validate = validatorFor(name);
  const all = breaksOf(schemaOf(name), true, options);
  return fc
    .oneof(...all)
    .filter((broken) => (options.rules ?? [broken.rule]).includes(broken.rule))
    .filter((broken) => validate(broken.value).length > 0);
}
