/** JSON values as parsed from the reference and from the schema files. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const cloneJson = <T extends JsonValue>(value: T): T => structuredClone(value);
