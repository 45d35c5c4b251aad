import { SCHEMA_FILES, type SchemaName } from '../../specs/catalog';
import { loadSchemaFile } from '../schemas/registry';

/** A JSON Schema (draft-04) node as the files of specs/schemas write it. */
export type Schema = Readonly<Record<string, unknown>>;

/** A schema node and the file its relative `$ref`s resolve against. */
export interface Located {
  readonly schema: Schema;
  readonly file: string;
}

const files = new Map<string, Schema>();

function fileSchema(file: string): Schema {
  let schema = files.get(file);
  if (!schema) {
    schema = loadSchemaFile(file);
    files.set(file, schema);
  }
  return schema;
}

export const schemaOf = (name: SchemaName): Located => ({
  schema: fileSchema(SCHEMA_FILES[name]),
  file: SCHEMA_FILES[name],
});

/** Follows `$ref` (`common.json#/definitions/triggers`, `#/definitions/x`) until a node without one. */
export function resolve(located: Located): Located {
  let current = located;
  for (let hops = 0; typeof current.schema.$ref === 'string'; hops += 1) {
    if (hops > 32) throw new Error(`$ref chain too long at ${String(current.schema.$ref)}`);
    const [filePart, pointer = ''] = (current.schema.$ref as string).split('#');
    const file = filePart === '' ? current.file : filePart;
    let node: unknown = fileSchema(file);
    for (const token of pointer.split('/').filter(Boolean))
      node = (node as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (typeof node !== 'object' || node === null)
      throw new Error(`unresolvable $ref ${String(current.schema.$ref)}`);
    current = { schema: node as Schema, file };
  }
  return current;
}

/** The sub-schema under `key` of a node, in the same file. */
export const child = (parent: Located, node: unknown): Located => ({
  schema: node as Schema,
  file: parent.file,
});

export const propertiesOf = (located: Located): Readonly<Record<string, Schema>> =>
  (located.schema.properties as Record<string, Schema> | undefined) ?? {};

export const requiredOf = (located: Located): readonly string[] =>
  (located.schema.required as string[] | undefined) ?? [];

export const typeOf = (located: Located): string | undefined =>
  typeof located.schema.type === 'string' ? located.schema.type : undefined;

export const numberKeyword = (located: Located, key: string): number | undefined =>
  typeof located.schema[key] === 'number' ? (located.schema[key] as number) : undefined;
