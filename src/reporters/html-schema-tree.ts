import { referenceExample, schemaStemOf } from '../../fixtures';
import { SCHEMA_FILES, type SchemaName } from '../../specs/catalog';
import { isRecord } from '../model/json';
import { followRef, schemaFile } from '../model/schema-refs';
import { escapeHtml as esc } from './escape';

/**
 * A JSON Schema (draft-04, as in specs/schemas) as a tree a person reads: one disclosure per property,
 * with its type, whether it is required and its constraints. A `$ref` to another body schema links to
 * that schema's own tree; one into a file's definitions (`common.json#/definitions/triggers`) is
 * opened in place.
 */

type Schema = Record<string, unknown>;

export const schemaAnchor = (name: SchemaName): string => `schema-${name}`;

const NAME_BY_FILE = new Map<string, SchemaName>(
  (Object.entries(SCHEMA_FILES) as [SchemaName, string][]).map(([name, file]) => [file, name]),
);

const CONSTRAINTS = [
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'default',
] as const;

/** Opening a definition in place at most this deep keeps a recursive schema finite. */
const MAX_DEPTH = 12;

interface Context {
  /** The file the schema being drawn comes from, for `#/definitions/...` refs. */
  readonly file: string;
  readonly depth: number;
}

function typeLabel(schema: Schema): string {
  const type = schema.type;
  if (Array.isArray(type)) return type.map(String).join(' | ');
  if (typeof type === 'string') return type;
  if (schema.enum) return 'enum';
  return 'any';
}

function constraints(schema: Schema): string {
  const parts = CONSTRAINTS.filter((key) => schema[key] !== undefined).map(
    // A pattern or format reads as written, not as a JSON string with its backslashes doubled.
    (key) =>
      `${key} <code>${esc(typeof schema[key] === 'string' ? schema[key] : JSON.stringify(schema[key]))}</code>`,
  );
  if (Array.isArray(schema.enum))
    parts.unshift(
      `one of ${schema.enum.map((value) => `<code>${esc(JSON.stringify(value))}</code>`).join(', ')}`,
    );
  if (schema.additionalProperties === false) parts.push('no other keys');
  return parts.length ? ` <span class="constraints">${parts.join(' · ')}</span>` : '';
}

const describe = (schema: Schema): string =>
  typeof schema.description === 'string' ? ` <span class="muted">${esc(schema.description)}</span>` : '';

/** A `$ref` as a link to a schema of its own, or the schema it points at when it is a definition. */
function refTarget(ref: string, context: Context): { link?: string; schema?: Schema; file: string } {
  const target = followRef(ref, context.file);
  if (!target) return { file: context.file };
  const name = NAME_BY_FILE.get(target.file);
  if (name && target.pointer === '')
    return { link: `<a href="#${schemaAnchor(name)}">${esc(name)}</a>`, file: target.file };
  return { schema: target.schema, file: target.file };
}

/** The children of a node: its properties, its items, its alternatives. */
function children(schema: Schema, context: Context): string[] {
  const inner = { file: context.file, depth: context.depth + 1 };
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const nodes: string[] = [];
  if (isRecord(schema.properties))
    for (const [key, value] of Object.entries(schema.properties))
      if (isRecord(value)) nodes.push(node(key, value, inner, required.has(key)));
  if (isRecord(schema.patternProperties))
    for (const [pattern, value] of Object.entries(schema.patternProperties))
      if (isRecord(value)) nodes.push(node(`keys matching ${pattern}`, value, inner, false));
  if (isRecord(schema.additionalProperties))
    nodes.push(node('any other key', schema.additionalProperties, inner, false));
  if (isRecord(schema.items)) nodes.push(node('each item', schema.items, inner, false));
  for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
    const options = schema[keyword];
    if (Array.isArray(options))
      options.forEach((option, index) => {
        if (isRecord(option)) nodes.push(node(`${keyword} ${index + 1}`, option, inner, false));
      });
  }
  return nodes;
}

function node(label: string, given: Schema, context: Context, required: boolean): string {
  const name = `<code class="key">${esc(label)}</code>${required ? ' <span class="required">required</span>' : ''}`;
  let schema = given;
  let file = context.file;
  if (typeof given.$ref === 'string') {
    const target = refTarget(given.$ref, context);
    if (target.link) return `<li class="leaf">${name}: ${target.link}${describe(given)}</li>`;
    if (!target.schema || context.depth > MAX_DEPTH)
      return `<li class="leaf">${name}: <code>${esc(given.$ref)}</code></li>`;
    schema = { ...target.schema, ...given, $ref: undefined };
    file = target.file;
  }
  const head = `${name}: <span class="type">${esc(typeLabel(schema))}</span>${constraints(schema)}${describe(schema)}`;
  const nested = children(schema, { file, depth: context.depth });
  if (nested.length === 0) return `<li class="leaf">${head}</li>`;
  return `<li><details${context.depth < 2 ? ' open' : ''}><summary>${head}</summary><ul class="tree">${nested.join('')}</ul></details></li>`;
}

/** The whole tree of a body schema of the catalog. */
export function schemaTree(name: SchemaName): string {
  const file = SCHEMA_FILES[name];
  try {
    const schema = schemaFile(file);
    const title = typeof schema.title === 'string' ? schema.title : name;
    return `<ul class="tree">${node(title, schema, { file, depth: 0 }, false)}</ul>`;
  } catch (error) {
    return `<p class="muted">(schema file ${esc(file)} could not be read: ${esc(error instanceof Error ? error.message : String(error))})</p>`;
  }
}

/** The reference's example body of a schema (fixtures/reference-examples), where it gives one. */
export function exampleBlock(name: SchemaName, label: string): string {
  try {
    const example = referenceExample(schemaStemOf(name));
    return `<details class="example"><summary>${esc(label)} (<code>${esc(name)}</code>)</summary><pre>${esc(JSON.stringify(example, null, 2))}</pre></details>`;
  } catch {
    return '';
  }
}
