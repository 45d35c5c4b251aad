import { SCHEMA_FILES, type SchemaName } from '../../specs/catalog';
import { resolveRefs, schemaFile } from '../model/schema-refs';

/** A JSON Schema (draft-04) node, as far as shaping matchers needs it. */
export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string;
  readonly pattern?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly items?: SchemaNode;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly patternProperties?: Readonly<Record<string, SchemaNode>>;
  readonly allOf?: readonly SchemaNode[];
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
}

/** A schema node and the file it sits in (refs resolve against it). */
export interface Located {
  readonly node: SchemaNode;
  readonly file: string;
  /** Set when the node is the root of a schema file of the catalog. */
  readonly schemaName?: SchemaName;
}

const nameOfFile = (file: string): SchemaName | undefined =>
  (Object.keys(SCHEMA_FILES) as SchemaName[]).find((name) => SCHEMA_FILES[name] === file);

export const locate = (name: SchemaName): Located => ({
  node: schemaFile(SCHEMA_FILES[name]) as SchemaNode,
  file: SCHEMA_FILES[name],
  schemaName: name,
});

/** Follows `$ref`s (`common.json#/definitions/x`, `workflow.json`, `#/definitions/y`) to a concrete node. */
export function resolve(located: Located): Located {
  if (!located.node.$ref) return located;
  const resolved = resolveRefs({
    schema: located.node as Readonly<Record<string, unknown>>,
    file: located.file,
  });
  if (!resolved) throw new Error(`unresolvable $ref ${located.node.$ref} in ${located.file}`);
  return {
    node: resolved.schema as SchemaNode,
    file: resolved.file,
    schemaName: resolved.pointer === '' ? nameOfFile(resolved.file) : undefined,
  };
}

/**
 * The property schemas of an object node: its own, those of every `allOf` part, and those of the
 * `anyOf`/`oneOf` branch that describes most keys of the example (decision 13 keys branches on
 * data, so the example picks its branch).
 */
export function propertiesOf(located: Located, example: Record<string, unknown>): Map<string, Located> {
  const { node, file } = resolve(located);
  const found = new Map<string, Located>();
  for (const [key, child] of Object.entries(node.properties ?? {})) found.set(key, { node: child, file });
  for (const part of node.allOf ?? [])
    for (const [key, child] of propertiesOf({ node: part, file }, example)) found.set(key, child);
  const branches = (node.anyOf ?? node.oneOf ?? []).map((branch) =>
    propertiesOf({ node: branch, file }, example),
  );
  const covered = (candidate: Map<string, Located>) =>
    Object.keys(example).filter((key) => candidate.has(key)).length;
  const best = branches.sort((a, b) => covered(b) - covered(a))[0];
  for (const [key, child] of best ?? []) if (!found.has(key)) found.set(key, child);
  return found;
}

/** The schema of the values of a `patternProperties` map whose pattern accepts key. */
export function patternPropertyOf(located: Located, key: string): Located | undefined {
  const { node, file } = resolve(located);
  const entry = Object.entries(node.patternProperties ?? {}).find(([pattern]) =>
    new RegExp(pattern).test(key),
  );
  return entry ? { node: entry[1], file } : undefined;
}
