import { MatchersV3 } from '@pact-foundation/pact';
import type { SchemaName } from '../../specs/catalog';
import { CONSUMER_READS } from './consumer-reads';
import { locate, patternPropertyOf, propertiesOf, resolve, type Located } from './schema-walk';

/** Pact's form of the ISO 8601 instants the schemas call `date-time` (`2016-06-13T04:00:00.000Z`). */
export const DATE_TIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSX";

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A Pact matcher tree for an example body, shaped by its JSON Schema: `regex` where the schema has a
 * pattern (24-hex ids) or an enum, `datetime` for date-time, `integer`/`number`/`boolean` by type,
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
  const reads = located.schemaName ? CONSUMER_READS[located.schemaName] : undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(example)) {
    if (reads && !reads.includes(key)) continue;
    const child = properties.get(key) ?? patternPropertyOf(located, key) ?? { node: {}, file: located.file };
    const shaped = shape(child, value);
    if (shaped !== undefined) out[key] = shaped;
  }
  return out;
}

function shapeString({ node }: Located, example: string): unknown {
  if (node.format === 'date-time') return MatchersV3.datetime(DATE_TIME_FORMAT, example);
  if (node.pattern) return MatchersV3.regex(node.pattern, example);
  if (node.enum)
    return MatchersV3.regex(`^(${node.enum.map((value) => escapeRegex(String(value))).join('|')})$`, example);
  return MatchersV3.string(example);
}
