import { SCHEMA_FILES, type SchemaName } from '../../specs/catalog';
import { loadSchemaFile } from '../schemas/registry';
import { stripAnnotations } from './annotations';
import { dereferenceSchemaFile, type SchemaFileLoader } from './dereference';
import { applyDeviations } from './deviations';
import type { JsonObject } from '../model/json';
import { diffJson, type JsonDifference } from './json-diff';
import { referenceSectionFor } from './reference-data';

/** What validates instances in one of our schema files: `$ref`s resolved, annotations dropped. */
export const effectiveSchema = (name: SchemaName, load: SchemaFileLoader = loadOwnSchemaFile): JsonObject =>
  stripAnnotations(dereferenceSchemaFile(SCHEMA_FILES[name], load));

const loadOwnSchemaFile: SchemaFileLoader = (file) => loadSchemaFile(file) as JsonObject;

/** The reference's schema of `name` as our files must express it: annotations dropped, decisions applied. */
export function expectedSchema(name: SchemaName): JsonObject {
  const workflow = stripAnnotations(referenceSectionFor('workflow').schema);
  return applyDeviations(name, stripAnnotations(referenceSectionFor(name).schema), workflow);
}

/** Every difference between the reference (with its documented deviations) and our schema `name`. */
export const schemaFidelityDifferences = (
  name: SchemaName,
  ours: JsonObject = effectiveSchema(name),
): JsonDifference[] => diffJson(expectedSchema(name), ours);
