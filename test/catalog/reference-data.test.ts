import { expect } from 'chai';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  extractReferenceData,
  REFERENCE_MARKDOWN_DIR,
  REFERENCE_MARKDOWN_FILES,
} from '../../src/reference/extract';
import {
  referenceActionsData,
  referenceSchemasData,
  type ReferenceProvenance,
} from '../../src/reference/reference-data';
import { skipWithoutShared } from '../support/shared-dir';

type ReferenceData = ReturnType<typeof extractReferenceData>;

const storedData = (): ReferenceData => ({
  actions: referenceActionsData(),
  schemas: referenceSchemasData(),
});

/** The entries (provenance, actions by anchor, schemas by anchor) where `extracted` differs from `stored`. */
function driftBetween(stored: ReferenceData, extracted: ReferenceData): string[] {
  const keyed = (data: ReferenceData): Record<string, unknown> => ({
    'actions provenance': data.actions.provenance,
    'schemas provenance': data.schemas.provenance,
    ...Object.fromEntries(data.actions.actions.map((action) => [`action ${action.anchor}`, action])),
    ...Object.fromEntries(data.schemas.schemas.map((schema) => [`schema ${schema.anchor}`, schema])),
  });
  const [before, after] = [keyed(stored), keyed(extracted)];
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !isDeepStrictEqual(before[key], after[key]),
  );
}

describe('reference data: specs/reference names where its facts come from', () => {
  const provenances: [string, ReferenceProvenance][] = [
    ['flows-actions.json', referenceActionsData().provenance],
    ['schemas.json', referenceSchemasData().provenance],
  ];
  for (const [file, provenance] of provenances) {
    it(`${file}: a published address, a revision and the Markdown it was extracted from`, () => {
      expect(provenance.publishedAt).to.match(/^https:\/\/docs\.losant\.com\/rest-api\/[a-z]+\/$/);
      expect(provenance.revision).to.include('December 2018');
      expect(provenance.extractedFrom).to.match(/^\.\.\/shared\/spec\/[a-z-]+\.md$/);
    });
  }

  it('holds the four Flows actions and the nine body schemas, each schema with its example', () => {
    expect(referenceActionsData().actions.map((action) => action.anchor)).to.deep.equal([
      'get',
      'getByVersion',
      'import',
      'post',
    ]);
    expect(referenceSchemasData().schemas).to.have.length(9);
    for (const section of referenceSchemasData().schemas)
      expect(section.example, section.title).to.not.equal(undefined);
  });
});

describe("reference data: specs/reference equals what the reference's Markdown says", () => {
  skipWithoutShared('referenceMarkdown');

  it(`equals the facts extracted from ${REFERENCE_MARKDOWN_DIR} (else: npx tsx src/reference/extract-main.ts)`, () => {
    expect(driftBetween(storedData(), extractReferenceData())).to.deep.equal([]);
  });

  it('a changed scope or example in the Markdown is drift, named by its action or schema', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'flows-reference-md-'));
    try {
      for (const file of Object.values(REFERENCE_MARKDOWN_FILES))
        copyFileSync(path.join(REFERENCE_MARKDOWN_DIR, file), path.join(dir, file));
      const edit = (file: string, from: string, to: string) => {
        const text = readFileSync(path.join(dir, file), 'utf8');
        expect(text, `${file} holds ${from}`).to.include(from);
        writeFileSync(path.join(dir, file), text.replace(from, to));
      };
      edit(REFERENCE_MARKDOWN_FILES.actions, 'flows.*, or flows.get.', 'flows.*, or flows.list.');
      edit(REFERENCE_MARKDOWN_FILES.schemas, '"message": "Application was not found"', '"message": "gone"');
      expect(driftBetween(storedData(), extractReferenceData(dir))).to.deep.equal([
        'action get',
        'schema error',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
