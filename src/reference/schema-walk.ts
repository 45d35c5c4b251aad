import { isJsonObject, type JsonObject, type JsonValue } from '../model/json';

/** Draft-04 keywords whose value is a map from names to subschemas (dependencies: or to name lists). */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);
/** Draft-04 keywords whose value is an array of subschemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Draft-04 keywords whose value is a subschema (additionalProperties may also be a boolean). */
const SUBSCHEMA_KEYWORDS = new Set(['not', 'additionalProperties', 'additionalItems', 'items']);

type SubschemaTransform = (subschema: JsonObject) => JsonObject;

const mapIfSchema = (value: JsonValue, transform: SubschemaTransform): JsonValue =>
  isJsonObject(value) ? transform(value) : value;

function mapKeywordValue(keyword: string, value: JsonValue, transform: SubschemaTransform): JsonValue {
  if (SCHEMA_MAP_KEYWORDS.has(keyword)) {
    if (!isJsonObject(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([name, sub]) => [name, mapIfSchema(sub, transform)]),
    );
  }
  if (SCHEMA_LIST_KEYWORDS.has(keyword) || (keyword === 'items' && Array.isArray(value))) {
    return Array.isArray(value) ? value.map((sub) => mapIfSchema(sub, transform)) : value;
  }
  if (SUBSCHEMA_KEYWORDS.has(keyword)) return mapIfSchema(value, transform);
  return value;
}

/**
 * A copy of `schema` whose immediate subschemas are replaced by `transform(subschema)`. Only schema
 * positions are visited: a property named `description` or `id` is a name, not an annotation.
 */
export function mapSubschemas(schema: JsonObject, transform: SubschemaTransform): JsonObject {
  return Object.fromEntries(
    Object.entries(schema).map(([keyword, value]) => [keyword, mapKeywordValue(keyword, value, transform)]),
  );
}
