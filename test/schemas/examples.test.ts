import { expect } from 'chai';
import {
  referenceExample,
  referenceExampleStems,
  schemaNameOf,
  schemaStemOf,
  validBodies,
} from '../../fixtures';
import { SCHEMA_REFERENCE_ANCHORS, type SchemaName } from '../../specs/catalog';
import { referenceSectionFor } from '../../src/reference/reference-data';
import { describeViolation, validatorFor } from '../../src/schemas/registry';

const REFERENCE_SCHEMAS = Object.keys(SCHEMA_REFERENCE_ANCHORS) as SchemaName[];

const violationsOf = (name: SchemaName, body: unknown) => validatorFor(name)(body).map(describeViolation);

describe('schemas: examples', () => {
  it('fixtures/reference-examples holds one example per schema of schemas.md', () => {
    expect(referenceExampleStems()).to.have.members(REFERENCE_SCHEMAS.map(schemaStemOf));
  });

  for (const name of REFERENCE_SCHEMAS) {
    const stem = schemaStemOf(name);

    it(`${stem}: the fixture is the example of ${SCHEMA_REFERENCE_ANCHORS[name]}, verbatim`, () => {
      expect(referenceExample(stem)).to.deep.equal(referenceSectionFor(name).example);
    });

    it(`${stem}: accepts the reference example`, () => {
      expect(violationsOf(name, referenceExample(stem))).to.deep.equal([]);
    });

    for (const fixture of validBodies(stem)) {
      it(`${stem}: accepts ${fixture.rule}${fixture.decision ? ` (by decision ${fixture.decision})` : ''}`, () => {
        expect(violationsOf(schemaNameOf(stem), fixture.body), fixture.file).to.deep.equal([]);
      });
    }
  }
});
