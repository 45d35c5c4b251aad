import { IMPORT_READ_ONLY_KEYS, type DecisionKey, type SchemaName } from '../../specs/catalog';
import { isJsonObject, type JsonObject, type JsonValue } from '../model/json';
import { resolvePointer, replaceAtPointer } from '../model/json-pointer';

/**
 * A documented deviation of our schema files from the reference (a decision of docs/reference-decisions.md),
 * written as a patch of the reference's schema (annotations already stripped), so that what remains
 * to compare is only what nobody decided.
 */
export interface ReferenceDeviation {
  readonly name: string;
  readonly decision: DecisionKey;
  readonly schema: SchemaName;
  /** Where in the schema the patch applies (JSON pointer). */
  readonly at: string;
  /** `workflowSchema` is the reference's Workflow schema, annotations stripped. */
  readonly patch: (node: JsonObject, workflowSchema: JsonObject) => JsonObject;
}

/** A version whose flowClass is `experience` (decision 13's guard). */
const EXPERIENCE_GUARD: JsonObject = {
  properties: { flowClass: { enum: ['experience'] } },
  required: ['flowClass'],
};

/** Decision 13: the reference's `oneOf: [cloudVersion, experienceVersion]`, keyed by flowClass instead. */
function versionKeyedByFlowClass(node: JsonObject): JsonObject {
  const branches = node.oneOf;
  const experienceFlowClass = resolvePointer(node, '/oneOf/1/properties/flowClass/enum');
  if (
    !Array.isArray(branches) ||
    branches.length !== 2 ||
    JSON.stringify(experienceFlowClass) !== '["experience"]'
  )
    throw new Error('decision 13 expects a oneOf of a cloud version and an experience version');
  const [cloudVersion, experienceVersion] = branches;
  const rest = Object.fromEntries(Object.entries(node).filter(([keyword]) => keyword !== 'oneOf'));
  return {
    ...rest,
    anyOf: [
      { allOf: [EXPERIENCE_GUARD, experienceVersion] },
      { allOf: [{ not: EXPERIENCE_GUARD }, cloudVersion] },
    ],
  };
}

export { IMPORT_READ_ONLY_KEYS };

/** Decision 14: "accepted on import and ignored" means any value, so each read-only key gets the empty schema. */
function importAcceptsReadOnlyKeys(properties: JsonObject, workflowSchema: JsonObject): JsonObject {
  const added: Record<string, JsonValue> = {};
  for (const key of IMPORT_READ_ONLY_KEYS) {
    if (resolvePointer(workflowSchema, `/properties/${key}`) === undefined)
      throw new Error(`decision 14: the Workflow schema defines no ${key}`);
    if (Object.hasOwn(properties, key))
      throw new Error(`decision 14: Workflow Import already defines ${key}`);
    added[key] = {};
  }
  return { ...properties, ...added };
}

const versionDeviation = (schema: SchemaName, at: string): ReferenceDeviation => ({
  name: 'workflow-version-keyed-by-flow-class',
  decision: 'workflowVersionBranches',
  schema,
  at,
  patch: versionKeyedByFlowClass,
});

export const REFERENCE_DEVIATIONS: readonly ReferenceDeviation[] = [
  versionDeviation('workflowVersion', ''),
  versionDeviation('workflowVersions', '/properties/items/items'),
  versionDeviation('workflowImportResult', '/properties/flowVersions/items'),
  {
    name: 'import-accepts-read-only-workflow-keys',
    decision: 'importExampleValid',
    schema: 'workflowImport',
    at: '/properties/flows/items/properties',
    patch: importAcceptsReadOnlyKeys,
  },
];

/** The reference's schema with every deviation of `schema` applied. */
export function applyDeviations(
  schema: SchemaName,
  reference: JsonObject,
  workflowSchema: JsonObject,
): JsonObject {
  return REFERENCE_DEVIATIONS.filter((deviation) => deviation.schema === schema).reduce<JsonObject>(
    (patched, deviation) => {
      const node = resolvePointer(patched, deviation.at);
      if (!isJsonObject(node))
        throw new Error(`${deviation.name}: ${schema} has no schema at ${deviation.at}`);
      return replaceAtPointer(patched, deviation.at, deviation.patch(node, workflowSchema)) as JsonObject;
    },
    reference,
  );
}
