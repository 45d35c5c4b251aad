import { loadSchemaFile } from '../schemas/registry';
import { isRecord, type JsonValue } from './json';
import { resolvePointer } from './json-pointer';

/**
 * The one walker of `$ref`s between the schema files of specs/schemas: the pact matchers, the fuzz
 * generators and the HTML page's schema trees all follow references through it (RFC 6901 pointers,
 * `~0`/`~1` unescaped, a fragment's percent-encoding decoded).
 */
export type SchemaNode = Readonly<Record<string, unknown>>;

/** A schema node, the file its relative `$ref`s resolve against, and the pointer that reached it. */
export interface SchemaAt {
  readonly schema: SchemaNode;
  readonly file: string;
  readonly pointer: string;
}

/** A chain of references longer than this is taken for a loop. */
const MAX_HOPS = 32;

const files = new Map<string, SchemaNode>();

/** A schema file of specs/schemas, read once. */
export function schemaFile(file: string): SchemaNode {
  let schema = files.get(file);
  if (!schema) {
    schema = loadSchemaFile(file);
    files.set(file, schema);
  }
  return schema;
}

function fragmentPointer(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The file and the JSON pointer a `$ref` written in `file` names (`#/y` stays in `file`). */
export function refParts(ref: string, file: string): { readonly file: string; readonly pointer: string } {
  const hash = ref.indexOf('#');
  return {
    file: (hash === -1 ? ref : ref.slice(0, hash)) || file,
    pointer: hash === -1 ? '' : fragmentPointer(ref.slice(hash + 1)),
  };
}

/** Where one `$ref` written in `file` lands (`common.json#/definitions/x`, `workflow.json`, `#/y`). */
export function followRef(ref: string, file: string): SchemaAt | undefined {
  const { file: target, pointer } = refParts(ref, file);
  if (pointer !== '' && !pointer.startsWith('/')) return undefined;
  const node = resolvePointer(schemaFile(target) as JsonValue, pointer);
  return isRecord(node) ? { schema: node, file: target, pointer } : undefined;
}

/** Follows `$ref`s from a node until one without any; undefined when a reference leads nowhere. */
export function resolveRefs(start: {
  readonly schema: SchemaNode;
  readonly file: string;
}): SchemaAt | undefined {
  let current: SchemaAt = { pointer: '', ...start };
  for (let hops = 0; typeof current.schema.$ref === 'string'; hops += 1) {
    if (hops >= MAX_HOPS) return undefined;
    const next = followRef(current.schema.$ref, current.file);
    if (!next) return undefined;
    current = next;
  }
  return current;
}
