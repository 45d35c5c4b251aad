import { pointerTokens, toPointer } from '../model/json-pointer';
import { refParts } from '../model/schema-refs';
import { readdirSync } from 'node:fs';
import { SCHEMA_FILES, type SchemaName } from '../../specs/catalog';
import { SCHEMA_DIR } from '../paths';
import { loadSchemaFile } from '../schemas/registry';
import { convertSchema, type JsonSchema } from './convert-schema';

/**
 * The files of specs/schemas as OpenAPI `components/schemas`: each catalog schema under its catalog
 * name (`workflowVersions`), each entry of a file's `definitions` hoisted to a component of its own
 * name (`triggers`, `cloudVersion`), and every `$ref` between files pointed at those components.
 */

export const COMPONENT_SCHEMAS = '#/components/schemas/';

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nameOfFile = new Map<string, SchemaName>(
  (Object.entries(SCHEMA_FILES) as [SchemaName, string][]).map(([name, file]) => [file, name]),
);

/** Where a `$ref` written in `file` lands in the document. */
function rewriteRef(ref: string, file: string): string {
  const { file: targetFile, pointer } = refParts(ref, file);
  const tokens = pointerTokens(pointer);
  if (tokens[0] === 'definitions' && tokens.length >= 2)
    return COMPONENT_SCHEMAS + tokens[1] + toPointer(tokens.slice(2));
  const name = nameOfFile.get(targetFile);
  if (!name) throw new Error(`${file}: $ref ${ref} names no schema of the catalog`);
  return COMPONENT_SCHEMAS + name + toPointer(tokens);
}

/** Every schema file converted: catalog schemas and hoisted definitions, by component name. */
function allComponents(): Map<string, JsonSchema> {
  const components = new Map<string, JsonSchema>();
  const add = (name: string, schema: JsonSchema, file: string) => {
    if (components.has(name)) throw new Error(`${file}: component schema ${name} is defined twice`);
    components.set(name, schema);
  };
  const files = readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort();
  for (const file of files) {
    const draft04 = loadSchemaFile(file);
    const options = { rewriteRef: (ref: string) => rewriteRef(ref, file), keepDefinitions: false };
    const definitions = isObject(draft04.definitions) ? draft04.definitions : {};
    for (const [name, definition] of Object.entries(definitions))
      add(name, convertSchema(definition, options) as JsonSchema, file);
    const name = nameOfFile.get(file);
    // A file outside the catalog (common.json) only holds definitions.
    if (name) add(name, convertSchema(draft04, options) as JsonSchema, file);
  }
  return components;
}

function refsIn(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (isObject(value))
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith(COMPONENT_SCHEMAS))
        found.add(pointerTokens(item.slice(COMPONENT_SCHEMAS.length - 1))[0]);
      else if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples')
        refsIn(item, found);
    }
}

/** The components the given schemas need, themselves included, in a stable order (roots first). */
export function componentSchemas(roots: readonly SchemaName[]): Record<string, JsonSchema> {
  const all = allComponents();
  const needed: string[] = [];
  const queue: string[] = [...roots];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (needed.includes(name)) continue;
    const schema = all.get(name);
    if (!schema) throw new Error(`no component schema ${name}`);
    needed.push(name);
    const found = new Set<string>();
    refsIn(schema, found);
    queue.push(...[...found].sort());
  }
  return Object.fromEntries(needed.map((name) => [name, all.get(name) as JsonSchema]));
}

export const schemaRef = (name: string): { $ref: string } => ({ $ref: COMPONENT_SCHEMAS + name });
