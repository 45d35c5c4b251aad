import { MatchersV3 } from '@pact-foundation/pact';
import type { SchemaName } from '../../specs/catalog';
import { ANSWER_KEYS } from '../../specs/catalog';
import { DATE_TIME_PATTERN } from './date-time';
import { rustRegexOf } from './schema-pattern';
import { locate, patternPropertyOf, propertiesOf, resolve, type Located } from './schema-walk';

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A Pact matcher tree for an example body, shaped by its JSON Schema: `regex` where the schema has a
 * pattern (24-hex ids, upper or lower case as the schema allows) or an enum, or a `date-time` format
 * (src/pact/date-time.ts: any RFC 3339 offset and fraction, as the run's ajv-formats), `integer`/`number`/`boolean` by type,
 * `eachLike` for arrays. Only the keys the consumer reads are kept; an empty example array says
 * nothing of its items and is left out.
 */
export function matcherFor(schema: SchemaName, example: unknown): unknown {
  return shape(locate(schema), example);
}

function shape(located: Located, example: unknown): unknown {
  const resolved = resolve(located);
  const { node } = resolved;
  if (Array.isArray(example)) {
    if (example.length === 0) return undefined;
    const items: Located = node.items
      ? { node: node.items, file: resolved.file }
      : { node: {}, file: resolved.file };
    return MatchersV3.eachLike(shape(items, example[0]));
  }
  if (example !== null && typeof example === 'object')
    return shapeObject(resolved, example as Record<string, unknown>);
  if (typeof example === 'string') return shapeString(resolved, example);
  if (typeof example === 'number')
    return node.type === 'integer' ? MatchersV3.integer(example) : MatchersV3.number(example);
  if (typeof example === 'boolean') return MatchersV3.boolean(example);
  return example;
}

function shapeObject(located: Located, example: Record<string, unknown>): unknown {
  const properties = propertiesOf(located, example);
  const reads = located.schemaName ? ANSWER_KEYS[located.schemaName] : undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(example)) {
    if (reads && !reads.includes(key)) continue;
    const child = properties.get(key) ?? patternPropertyOf(located, key) ?? { node: {}, file: located.file };
    const shaped = shape(child, value);
    if (shaped !== undefined) out[key] = shaped;
  }
  return out;
}

/** A regex matcher whose example is checked against its own pattern (a pact must hold itself). */
function regexMatcher(pattern: string, example: string): unknown {
  if (!new RegExp(pattern).test(example)) throw new Error(`example ${example} does not match ${pattern}`);
  return MatchersV3.regex(pattern, example);
}

function shapeString({ node }: Located, example: string): unknown {
  if (node.format === 'date-time') return regexMatcher(DATE_TIME_PATTERN, example);
  if (node.pattern) return regexMatcher(rustRegexOf(node.pattern), example);
  if (node.enum)
    return regexMatcher(`^(${node.enum.map((value) => escapeRegex(String(value))).join('|')})$`, example);
  return MatchersV3.string(example);
}
