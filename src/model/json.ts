/**
 * The one type of JSON values: parsed from the reference and the schema files, and written in cases
 * (readonly, so that `as const` data fits; a function that edits one edits a copy).
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A plain object (not null, not an array), its values not yet known to be JSON. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
