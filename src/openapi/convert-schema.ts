/**
 * Draft-04 JSON Schema to 2020-12 (the dialect of OpenAPI 3.1), keyword by keyword, so that the
 * converted schema accepts exactly what the draft-04 one accepts. `$ref`s are rewritten by the caller's
 * `rewriteRef`, since only the caller knows where each file's schemas end up.
 */

export type JsonSchema = { [keyword: string]: unknown };

/** Keywords whose value is a map of name to subschema. */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
/** Keywords whose value is a subschema. */
const SCHEMA_VALUES = [
  'not',
  'additionalProperties',
  'additionalItems',
  'items',
  'contains',
  'if',
  'then',
  'else',
];
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords that describe and never constrain: the only ones allowed beside a `$ref`. */
const ANNOTATIONS = new Set(['title', 'description', 'example', 'examples', 'default', '$comment']);

const isSchemaObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ConvertOptions {
  /** The 2020-12 reference for a draft-04 `$ref` as written in the file. */
  readonly rewriteRef: (ref: string) => string;
  /** Whether `definitions` stay inside the schema (as `$defs`) or were hoisted by the caller (dropped). */
  readonly keepDefinitions: boolean;
}

/** draft-04's boolean `exclusiveMinimum`/`exclusiveMaximum` modify `minimum`/`maximum`; 2020-12's are numbers. */
function convertExclusiveBound(schema: JsonSchema, bound: 'minimum' | 'maximum'): void {
  const exclusive = bound === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum';
  const flag = schema[exclusive];
  if (typeof flag !== 'boolean') return;
  delete schema[exclusive];
  if (flag && typeof schema[bound] === 'number') {
    schema[exclusive] = schema[bound];
    delete schema[bound];
  }
}

/** draft-04 `dependencies` holds both property lists and schemas; 2020-12 splits them. */
function convertDependencies(schema: JsonSchema, options: ConvertOptions): void {
  const dependencies = schema.dependencies;
  if (!isSchemaObject(dependencies)) return;
  delete schema.dependencies;
  const required: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(dependencies)) {
    if (Array.isArray(value)) required[name] = value;
    else schemas[name] = convertSchema(value, options);
  }
  if (Object.keys(required).length > 0) schema.dependentRequired = required;
  if (Object.keys(schemas).length > 0) schema.dependentSchemas = schemas;
}

/** A converted copy of a draft-04 schema; the input is left as it was. */
export function convertSchema(input: unknown, options: ConvertOptions): unknown {
  if (!isSchemaObject(input)) return input;
  const schema: JsonSchema = { ...input };
  if (typeof schema.$ref === 'string') {
    // draft-04 ignores every keyword beside $ref, ajv-draft-04 (the engine's validator) applies them,
    // and 2020-12 applies them: a schema relying on either reading is refused rather than guessed.
    const siblings = Object.keys(schema).filter((keyword) => keyword !== '$ref' && !ANNOTATIONS.has(keyword));
    if (siblings.length > 0)
      throw new Error(
        `$ref ${schema.$ref} has sibling keywords (${siblings.join(', ')}) whose meaning differs by draft`,
      );
    return { ...schema, $ref: options.rewriteRef(schema.$ref) };
  }
  // The document gives the dialect and every $ref points into it: no schema keeps an identity of its own.
  delete schema.$schema;
  delete schema.id;
  convertExclusiveBound(schema, 'minimum');
  convertExclusiveBound(schema, 'maximum');
  convertDependencies(schema, options);
  if (Array.isArray(schema.items)) {
    // A tuple: draft-04 `items: [...]` + `additionalItems` is 2020-12 `prefixItems` + `items`.
    schema.prefixItems = schema.items;
    delete schema.items;
    if ('additionalItems' in schema) schema.items = schema.additionalItems;
  }
  delete schema.additionalItems;
  if ('definitions' in schema) {
    if (options.keepDefinitions) schema.$defs = schema.definitions;
    delete schema.definitions;
  }
  for (const keyword of SCHEMA_MAPS)
    if (isSchemaObject(schema[keyword]))
      schema[keyword] = Object.fromEntries(
        Object.entries(schema[keyword]).map(([name, value]) => [name, convertSchema(value, options)]),
      );
  for (const keyword of SCHEMA_VALUES)
    if (keyword in schema) schema[keyword] = convertSchema(schema[keyword], options);
  for (const keyword of SCHEMA_LISTS)
    if (Array.isArray(schema[keyword]))
      schema[keyword] = (schema[keyword] as unknown[]).map((value) => convertSchema(value, options));
  return schema;
}
