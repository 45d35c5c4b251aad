import qs from 'qs';
import type { PathParameter, QueryParameter } from '../../specs/catalog';
import { schemaRef } from './components';
import type { JsonSchema } from './convert-schema';

/** An OpenAPI Parameter Object for a path component of the catalog (flows-actions.md's table). */
export const pathParameter = (parameter: PathParameter): Record<string, unknown> => ({
  name: parameter.name,
  in: 'path',
  required: true,
  description: parameter.description,
  schema: { type: 'string', pattern: parameter.pattern },
  example: parameter.example,
});

/** The JSON Schema of a query value, from the kind the catalog gives it. */
function valueSchema(parameter: QueryParameter): JsonSchema {
  const { value } = parameter;
  switch (value.kind) {
    case 'enum':
      return { type: 'string', enum: [...value.acceptedValues] };
    case 'nonNegativeInteger':
      return { type: 'integer', minimum: value.minimum ?? 0 };
    case 'boolean':
      return { type: 'boolean' };
    case 'string':
    case 'glob':
      return { type: 'string' };
    case 'triggerFilter':
      return schemaRef(value.schema);
  }
}

/** The catalog's defaults are written as the reference's table writes them: text, '' for none. */
function typedValue(parameter: QueryParameter, text: unknown): unknown {
  if (typeof text !== 'string') return text;
  if (parameter.value.kind === 'nonNegativeInteger') return Number(text);
  if (parameter.value.kind === 'boolean') return text === 'true';
  return text;
}

/** The example as a value, parsed from the reference's `name=value` form (bracketed for triggerFilter). */
const exampleValue = (parameter: QueryParameter): unknown =>
  typedValue(parameter, qs.parse(parameter.example)[parameter.name]);

/** Shoulds that the reference leaves open are told, not enforced: a server may accept more. */
function description(parameter: QueryParameter): string {
  const { value } = parameter;
  if (value.kind === 'nonNegativeInteger' && value.shouldMaximum !== undefined)
    return `${parameter.description}. Servers should accept up to ${value.shouldMaximum}.`;
  return parameter.description;
}

/** An OpenAPI Parameter Object for a query parameter of the catalog. */
export function queryParameter(parameter: QueryParameter): Record<string, unknown> {
  const schema = valueSchema(parameter);
  const defaultValue = parameter.default === '' ? undefined : typedValue(parameter, parameter.default);
  const withDefault =
    defaultValue === undefined
      ? schema
      : '$ref' in schema
        ? { allOf: [schema], default: defaultValue }
        : { ...schema, default: defaultValue };
  const deepObject = parameter.value.kind === 'triggerFilter';
  return {
    name: parameter.name,
    in: 'query',
    required: parameter.required,
    description: description(parameter),
    ...(deepObject ? { style: 'deepObject', explode: true } : {}),
    schema: withDefault,
    example: exampleValue(parameter),
  };
}
