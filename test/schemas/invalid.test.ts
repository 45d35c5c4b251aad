import { expect } from 'chai';
import {
  fixtureFolders,
  invalidBodies,
  schemaStemOf,
  validBodies,
  type InvalidBody,
  type SchemaStem,
} from '../../fixtures';
import { SCHEMA_FILES, SCHEMA_REFERENCE_ANCHORS, type SchemaName } from '../../specs/catalog';
import { stripAnnotations } from '../../src/reference/annotations';
import { expectedSchema } from '../../src/reference/fidelity';
import { pointerTokens, resolvePointer } from '../../src/model/json-pointer';
import { referenceSectionFor } from '../../src/reference/reference-data';
import { describeViolation, validatorFor } from '../../src/schemas/registry';

const REFERENCE_SCHEMAS = Object.keys(SCHEMA_REFERENCE_ANCHORS) as SchemaName[];
const ALL_STEMS = (Object.keys(SCHEMA_FILES) as SchemaName[]).map(schemaStemOf);
const MINIMUM_INVALID_PER_SCHEMA = 3;
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `breaks` must lead to the keyword in the reference's schema as written or, for decision fixtures, as decided. */
function breaksLeadsToKeyword(fixture: InvalidBody): boolean {
  const tokens = pointerTokens(fixture.breaks);
  if (tokens[tokens.length - 1] !== fixture.keyword) return false;
  const asWritten = stripAnnotations(referenceSectionFor(fixture.schema).schema);
  const schemas = fixture.decision ? [asWritten, expectedSchema(fixture.schema)] : [asWritten];
  return schemas.some((schema) => resolvePointer(schema, fixture.breaks) !== undefined);
}

describe('schemas: invalid bodies', () => {
  it('every fixture folder is named after a schema file', () => {
    for (const folder of [...fixtureFolders('invalid'), ...fixtureFolders('valid')])
      expect(ALL_STEMS, `fixtures/*/${folder}`).to.include(folder);
  });

  for (const name of REFERENCE_SCHEMAS) {
    const stem = schemaStemOf(name);
    const fixtures = invalidBodies(stem);

    it(`${stem}: has at least ${MINIMUM_INVALID_PER_SCHEMA} invalid bodies`, () => {
      expect(fixtures.length).to.be.at.least(MINIMUM_INVALID_PER_SCHEMA);
    });

    for (const fixture of fixtures) {
      it(`${stem}: refuses ${fixture.rule} (${fixture.keyword} at ${fixture.instancePath || 'the body'})`, () => {
        const violations = validatorFor(name)(fixture.body);
        // allErrors is off, but anyOf/oneOf report every branch: the named violation must be among them.
        const named = violations.find(
          (violation) =>
            violation.keyword === fixture.keyword && violation.instancePath === fixture.instancePath,
        );
        expect(
          named,
          `${fixture.file} is refused for: ${violations.map(describeViolation).join('; ') || 'nothing'}`,
        ).to.not.equal(undefined);
      });
    }
  }
});

describe('schemas: fixture files describe themselves', () => {
  const everyStem: SchemaStem[] = ALL_STEMS;
  for (const stem of everyStem) {
    for (const fixture of [...invalidBodies(stem), ...validBodies(stem)]) {
      it(`${fixture.file}: rule is kebab-case and names the file`, () => {
        expect(fixture.rule).to.match(KEBAB_CASE);
        expect(fixture.file.endsWith(`/${fixture.rule}.json`)).to.equal(true);
      });
    }
    for (const fixture of invalidBodies(stem)) {
      it(`${fixture.file}: breaks ${fixture.breaks} is the ${fixture.keyword} keyword of the reference's schema`, () => {
        expect(breaksLeadsToKeyword(fixture)).to.equal(true);
      });
    }
  }
});
