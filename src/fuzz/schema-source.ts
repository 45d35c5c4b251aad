import { SCHEMA_FILES, type SchemaName } from '../../specs/catalog';
import { resolveRefs, schemaFile } from '../model/schema-refs';

/** A JSON Schema (draft-04) node as the files of specs/schemas write it. */
export type Schema = Readonly<Record<string, unknown>>;

/** A schema node and the file its relative `$ref`s resolve against. */
export interface Located {
  readonly schema: Schema;
  readonly file: string;
}

export const schemaOf = (name: SchemaName): Located => ({
  schema: schemaFile(SCHEMA_FILES[name]),
  file: SCHEMA_FILES[name],
});

/** Follows `$ref` (`common.json#/definitions/triggers`, `#/definitions/x`) until a node without one. */
export function resolve(located: Located): Located {
  const resolved = resolveRefs(located);
  // The catalog's schemas are checked to resolve (test/schemas): a dangling one is a bug of ours.
  if (!resolved) throw new Error(`unresolvable $ref ${String(located.schema.$ref)} in ${located.file}`);
  return { schema: resolved.schema, file: resolved.file };
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
