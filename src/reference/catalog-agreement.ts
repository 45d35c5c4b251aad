import { isDeepStrictEqual } from 'node:util';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  pathRow,
  queryRow,
  requestBodyRow,
  responseBodyRow,
  scopeRow,
  statusRow,
  type ActionSpec,
  type QueryParameter,
} from '../../specs/catalog';
import { FIXTURE_DIR } from '../paths';
import type { ReferenceAction, ReferenceQueryRow, ReferenceStatusRow } from './actions-md';
import { parseLink } from './markdown';
import { schemaNameForAnchor } from './reference-data';

/** One way the catalog disagrees with flows-actions.md, named by the reference row it concerns. */
export interface CatalogMismatch {
  /** A reference-row id of specs/catalog/coverage.ts (`flows.get query sortField`) or `<action> <aspect>`. */
  readonly row: string;
  readonly message: string;
}

const show = (value: unknown): string => JSON.stringify(value);

function compareField(row: string, field: string, reference: unknown, catalog: unknown): CatalogMismatch[] {
  return isDeepStrictEqual(reference, catalog)
    ? []
    : [{ row, message: `${field}: the reference has ${show(reference)}, the catalog ${show(catalog)}` }];
}

/** Rows present on one side only, by key. */
function compareRowSets<T>(
  rowId: (key: string) => string,
  referenceKeys: readonly T[],
  catalogKeys: readonly T[],
): CatalogMismatch[] {
  const missing = referenceKeys.filter((key) => !catalogKeys.includes(key));
  const extra = catalogKeys.filter((key) => !referenceKeys.includes(key));
  return [
    ...missing.map((key) => ({
      row: rowId(String(key)),
      message: 'in the reference, missing from the catalog',
    })),
    ...extra.map((key) => ({ row: rowId(String(key)), message: 'in the catalog, not in the reference' })),
  ];
}

/** "Accepted values are: a, b" in a description, or undefined. */
const acceptedValuesOf = (description: string): string[] | undefined =>
  /Accepted values are: (.+)$/
    .exec(description)?.[1]
    .split(',')
    .map((value) => value.trim());

function compareValueKind(
  row: string,
  reference: ReferenceQueryRow,
  catalog: QueryParameter,
): CatalogMismatch[] {
  const accepted = acceptedValuesOf(reference.description);
  const catalogAccepted = catalog.value.kind === 'enum' ? catalog.value.acceptedValues : undefined;
  const linkedSchema = schemaNameForAnchor(parseLink(reference.description)?.href ?? '');
  const catalogSchema = catalog.value.kind === 'triggerFilter' ? catalog.value.schema : undefined;
  return [
    ...compareField(row, 'accepted values', accepted, catalogAccepted),
    ...compareField(row, 'linked schema', linkedSchema, catalogSchema),
  ];
}

function comparePathComponents(action: ActionSpec, reference: ReferenceAction): CatalogMismatch[] {
  const rowId = (name: string) => pathRow(action, name);
  const mismatches = compareRowSets(
    rowId,
    reference.pathComponents.map((row) => row.name),
    action.pathParameters.map((parameter) => parameter.name),
  );
  for (const referenceRow of reference.pathComponents) {
    const parameter = action.pathParameters.find((candidate) => candidate.name === referenceRow.name);
    if (!parameter) continue;
    for (const field of ['description', 'example'] as const)
      mismatches.push(
        ...compareField(rowId(referenceRow.name), field, referenceRow[field], parameter[field]),
      );
    if (!new RegExp(parameter.pattern).test(referenceRow.example))
      mismatches.push({
        row: rowId(referenceRow.name),
        message: `pattern: the catalog's ${parameter.pattern} refuses the reference's example ${referenceRow.example}`,
      });
  }
  return mismatches;
}

function compareQuery(action: ActionSpec, reference: ReferenceAction): CatalogMismatch[] {
  const rowId = (name: string) => queryRow(action, name);
  const mismatches = compareRowSets(
    rowId,
    reference.query.map((row) => row.name),
    action.query.map((parameter) => parameter.name),
  );
  for (const referenceRow of reference.query) {
    const parameter = action.query.find((candidate) => candidate.name === referenceRow.name);
    if (!parameter) continue;
    const row = rowId(referenceRow.name);
    for (const field of ['required', 'description', 'default', 'example'] as const)
      mismatches.push(...compareField(row, field, referenceRow[field], parameter[field]));
    mismatches.push(...compareValueKind(row, referenceRow, parameter));
  }
  if (mismatches.length === 0)
    mismatches.push(
      ...compareField(
        `${action.id} query`,
        'order',
        reference.query.map((row) => row.name),
        action.query.map((parameter) => parameter.name),
      ),
    );
  return mismatches;
}

function compareStatus(action: ActionSpec, referenceRow: ReferenceStatusRow): CatalogMismatch[] {
  const response = action.responses.find((candidate) => candidate.status === referenceRow.status);
  if (!response) return [];
  return [
    ...compareField(
      statusRow(action, referenceRow.status),
      'description',
      referenceRow.description,
      response.description,
    ),
    ...compareField(
      responseBodyRow(action, referenceRow.status),
      'schema',
      schemaNameForAnchor(referenceRow.typeHref) ?? referenceRow.typeHref,
      response.schema,
    ),
  ];
}

function compareResponses(action: ActionSpec, reference: ReferenceAction): CatalogMismatch[] {
  return [
    ...compareRowSets(
      (status) => statusRow(action, Number(status)),
      reference.responses.map((row) => row.status),
      action.responses.map((response) => response.status),
    ),
    ...reference.responses.flatMap((row) => compareStatus(action, row)),
  ];
}

const readExampleFixture = (file: string): unknown =>
  JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'reference-examples', file), 'utf8'));

function compareRequestBody(action: ActionSpec, reference: ReferenceAction): CatalogMismatch[] {
  const row = requestBodyRow(action);
  if (!reference.requestBody || !action.requestBody)
    return compareField(row, 'presence', Boolean(reference.requestBody), Boolean(action.requestBody));
  return [
    ...compareField(
      row,
      'schema',
      schemaNameForAnchor(reference.requestBody.typeHref) ?? reference.requestBody.typeHref,
      action.requestBody.schema,
    ),
    ...compareField(
      row,
      'example',
      reference.requestBody.example,
      readExampleFixture(action.requestBody.exampleFixture),
    ),
  ];
}

/** Every disagreement between one catalog action and its section of flows-actions.md. */
export function compareActionWithReference(
  action: ActionSpec,
  reference: ReferenceAction,
): CatalogMismatch[] {
  return [
    ...compareField(`${action.id} name`, 'name', reference.name, action.name),
    ...compareField(`${action.id} summary`, 'summary', reference.summary, action.summary),
    ...compareField(`${action.id} method`, 'method', reference.method, action.method),
    ...compareField(`${action.id} path`, 'path', reference.pathTemplate, action.pathTemplate),
    ...compareRowSets((scope) => scopeRow(action, scope), reference.acceptedScopes, action.acceptedScopes),
    ...comparePathComponents(action, reference),
    ...compareQuery(action, reference),
    ...compareRequestBody(action, reference),
    ...compareResponses(action, reference),
  ];
}

export const describeMismatch = (mismatch: CatalogMismatch): string => `${mismatch.row}: ${mismatch.message}`;
