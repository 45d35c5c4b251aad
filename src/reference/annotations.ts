import type { JsonObject } from '../model/json';
import { mapSubschemas } from './schema-walk';

/** Keywords that say nothing about which instances are valid (once `$ref`s are resolved). */
export const ANNOTATION_KEYWORDS: readonly string[] = [
  'title',
  'description',
  'id',
  '$schema',
  'definitions',
];

/** A copy of `schema` without annotation keywords, at every schema position. */
export function stripAnnotations(schema: JsonObject): JsonObject {
  const withoutAnnotations = Object.fromEntries(
    Object.entries(schema).filter(([keyword]) => !ANNOTATION_KEYWORDS.includes(keyword)),
  );
  return mapSubschemas(withoutAnnotations, stripAnnotations);
}
