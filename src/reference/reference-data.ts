import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_REFERENCE_ANCHORS, type SchemaName } from '../../specs/catalog';
import { PACKAGE_ROOT } from '../paths';
import type { ReferenceAction } from './actions-md';
import type { ReferenceSchemaSection } from './schemas-md';

/**
 * The reference's facts, kept in the repository as data (specs/reference/*.json), so that the tests
 * hold the catalog and the schemas to them on any clone. Each file names where its facts come from;
 * src/reference/extract.ts writes them from the reference's Markdown, and a test checks they still agree.
 */
export const REFERENCE_DATA_DIR = path.join(PACKAGE_ROOT, 'specs', 'reference');

/** Where a data file's facts come from. */
export interface ReferenceProvenance {
  /** The reference document, as its publisher titles it. */
  readonly document: string;
  /** The address the document is published at. */
  readonly publishedAt: string;
  /** Which revision of it the facts are from, and how that is known. */
  readonly revision: string;
  /** The Markdown copy the facts were extracted from (read-only, beside the checkout). */
  readonly extractedFrom: string;
}

export interface ReferenceActionsData {
  readonly provenance: ReferenceProvenance;
  readonly actions: readonly ReferenceAction[];
}

export interface ReferenceSchemasData {
  readonly provenance: ReferenceProvenance;
  readonly schemas: readonly ReferenceSchemaSection[];
}

export const REFERENCE_DATA_FILES = {
  actions: 'flows-actions.json',
  schemas: 'schemas.json',
} as const;

const readData = <T>(file: string): T =>
  JSON.parse(readFileSync(path.join(REFERENCE_DATA_DIR, file), 'utf8')) as T;

let actionsData: ReferenceActionsData | undefined;
let schemasData: ReferenceSchemasData | undefined;

export function referenceActionsData(): ReferenceActionsData {
  actionsData ??= readData<ReferenceActionsData>(REFERENCE_DATA_FILES.actions);
  return actionsData;
}

export function referenceSchemasData(): ReferenceSchemasData {
  schemasData ??= readData<ReferenceSchemasData>(REFERENCE_DATA_FILES.schemas);
  return schemasData;
}

/** The Flows actions of the reference (flows-actions.md), one per `## ` section. */
export const referenceActions = (): readonly ReferenceAction[] => referenceActionsData().actions;

/** The body schemas of the reference (schemas.md), each with its example. */
export const referenceSchemaSections = (): readonly ReferenceSchemaSection[] =>
  referenceSchemasData().schemas;

/** The catalog's schema name that a `schemas.md#anchor` link stands for. */
export function schemaNameForAnchor(href: string): SchemaName | undefined {
  const entry = Object.entries(SCHEMA_REFERENCE_ANCHORS).find(([, anchor]) => anchor === href);
  return entry?.[0] as SchemaName | undefined;
}

/** The reference section of a catalog schema; throws for the schemas that are ours (tokens, auth). */
export function referenceSectionFor(name: SchemaName): ReferenceSchemaSection {
  const href = SCHEMA_REFERENCE_ANCHORS[name];
  const section = referenceSchemaSections().find((candidate) => `schemas.md#${candidate.anchor}` === href);
  if (!section) throw new Error(`schema ${name} has no section in the reference's schemas`);
  return section;
}
