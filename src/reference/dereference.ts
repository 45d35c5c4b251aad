import { isJsonObject, type JsonObject } from '../model/json';
import { resolvePointer } from '../model/json-pointer';
import { mapSubschemas } from './schema-walk';

/** Reads one schema file by its name (`common.json`), as the registry does. */
export type SchemaFileLoader = (file: string) => JsonObject;

interface RefTarget {
  readonly file: string;
  readonly pointer: string;
}

/** `common.json#/definitions/x`, `#/definitions/x` and `workflow.json`, relative to the file holding them. */
function parseRef(ref: string, currentFile: string): RefTarget {
  const [filePart, fragment = ''] = ref.split('#', 2);
  const file = filePart === '' ? currentFile : filePart.replace(/^.*\//, '');
  return { file, pointer: decodeURIComponent(fragment) };
}

function dereferenceNode(
  file: string,
  node: JsonObject,
  load: SchemaFileLoader,
  seen: readonly string[],
): JsonObject {
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const siblings = Object.keys(node).filter((key) => key !== '$ref');
    if (siblings.length > 0)
      throw new Error(`${file}: $ref ${ref} has siblings (${siblings.join(', ')}) that draft-04 ignores`);
    const target = parseRef(ref, file);
    const key = `${target.file}#${target.pointer}`;
    if (seen.includes(key)) throw new Error(`circular $ref: ${[...seen, key].join(' -> ')}`);
    const resolved = resolvePointer(load(target.file), target.pointer);
    if (!isJsonObject(resolved)) throw new Error(`${file}: $ref ${ref} resolves to no schema`);
    return dereferenceNode(target.file, resolved, load, [...seen, key]);
  }
  return mapSubschemas(node, (subschema) => dereferenceNode(file, subschema, load, seen));
}

/** The schema of `file` with every `$ref` (local or to another file) replaced by what it points to. */
export function dereferenceSchemaFile(file: string, load: SchemaFileLoader): JsonObject {
  return dereferenceNode(file, load(file), load, []);
}
