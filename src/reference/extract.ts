import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DIR } from '../paths';
import { parseActionsMarkdown } from './actions-md';
import type { ReferenceActionsData, ReferenceProvenance, ReferenceSchemasData } from './reference-data';
import { parseSchemasMarkdown } from './schemas-md';

/** The reference's Markdown copy, beside the checkout (FLOWS_CONFORMANCE_SHARED points elsewhere). */
export const REFERENCE_MARKDOWN_DIR = path.join(SHARED_DIR, 'spec');

export const REFERENCE_MARKDOWN_FILES = { actions: 'flows-actions.md', schemas: 'schemas.md' } as const;

/** Whether the Markdown copy is there to compare the data with (a plain clone does not have it). */
export const referenceMarkdownPresent = (dir = REFERENCE_MARKDOWN_DIR): boolean =>
  Object.values(REFERENCE_MARKDOWN_FILES).every((file) => existsSync(path.join(dir, file)));

/**
 * Where the facts come from. flows-actions.md states no date; schemas.md states that both files are
 * of one published revision of Losant's API reference, December 2018. The published pages have moved on
 * since (Get has gained a `query` parameter, for one): the facts here are that revision's, not today's.
 */
const REVISION = 'December 2018, as schemas.md states for both files (flows-actions.md itself gives no date)';

export const REFERENCE_PROVENANCE: Readonly<Record<'actions' | 'schemas', ReferenceProvenance>> = {
  actions: {
    document: 'Losant REST API reference: Flows Actions',
    publishedAt: 'https://docs.losant.com/rest-api/flows/',
    revision: REVISION,
    extractedFrom: '../shared/spec/flows-actions.md',
  },
  schemas: {
    document: 'Losant REST API reference: the schemas the Flows actions link to',
    publishedAt: 'https://docs.losant.com/rest-api/schemas/',
    revision: REVISION,
    extractedFrom: '../shared/spec/schemas.md',
  },
};

/** Drops `undefined` members, as the data files (JSON) hold them. */
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const readMarkdown = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');

/** The data files' contents, as the reference's Markdown in `dir` says. */
export function extractReferenceData(dir = REFERENCE_MARKDOWN_DIR): {
  readonly actions: ReferenceActionsData;
  readonly schemas: ReferenceSchemasData;
} {
  return asStored({
    actions: {
      provenance: REFERENCE_PROVENANCE.actions,
      actions: parseActionsMarkdown(readMarkdown(dir, REFERENCE_MARKDOWN_FILES.actions)),
    },
    schemas: {
      provenance: REFERENCE_PROVENANCE.schemas,
      schemas: parseSchemasMarkdown(readMarkdown(dir, REFERENCE_MARKDOWN_FILES.schemas)),
    },
  });
}
