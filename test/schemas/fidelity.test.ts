import { expect } from 'chai';
import { SCHEMA_REFERENCE_ANCHORS, type SchemaName } from '../../specs/catalog';
import { stripAnnotations } from '../../src/reference/annotations';
import { REFERENCE_DEVIATIONS } from '../../src/reference/deviations';
import { effectiveSchema, schemaFidelityDifferences } from '../../src/reference/fidelity';
import { diffJson, describeDifference, type JsonDifference } from '../../src/reference/json-diff';
import { replaceAtPointer } from '../../src/model/json-pointer';
import { referenceSectionFor } from '../../src/reference/reference-data';

const REFERENCE_SCHEMAS = Object.keys(SCHEMA_REFERENCE_ANCHORS) as SchemaName[];

const describeAll = (differences: readonly JsonDifference[]): string =>
  differences.map((difference) => describeDifference(difference, 'the reference', 'ours')).join('\n');

const pointersOf = (differences: readonly JsonDifference[]) =>
  differences.map((difference) => difference.pointer);

describe('schemas: fidelity to schemas.md', () => {
  for (const name of REFERENCE_SCHEMAS) {
    it(`${name}: specs/schemas equals ${SCHEMA_REFERENCE_ANCHORS[name]} (documented deviations applied)`, () => {
      const differences = schemaFidelityDifferences(name);
      expect(differences, describeAll(differences)).to.deep.equal([]);
    });
  }

  for (const deviation of REFERENCE_DEVIATIONS) {
    it(`${deviation.schema}: deviation ${deviation.name} is needed (without it the schemas differ under ${deviation.at || '(root)'})`, () => {
      const reference = stripAnnotations(referenceSectionFor(deviation.schema).schema);
      const differences = diffJson(reference, effectiveSchema(deviation.schema));
      expect(differences).to.have.length.above(0);
      for (const pointer of pointersOf(differences))
        expect(pointer.startsWith(deviation.at)).to.equal(true, pointer);
    });
  }
});

describe('schemas: the fidelity comparer fails on a mutated copy', () => {
  const mutated = (name: SchemaName, pointer: string, value: Parameters<typeof replaceAtPointer>[2]) =>
    schemaFidelityDifferences(name, replaceAtPointer(effectiveSchema(name), pointer, value) as never);

  it('a changed limit is named by its pointer', () => {
    expect(pointersOf(mutated('workflow', '/properties/name/maxLength', 256))).to.deep.equal([
      '/properties/name/maxLength',
    ]);
  });

  it('a limit inside a shared definition is named where the reference writes it', () => {
    expect(
      pointersOf(mutated('workflowImport', '/properties/flows/items/properties/globals/maxItems', 99)),
    ).to.deep.equal(['/properties/flows/items/properties/globals/maxItems']);
  });

  it('a reordered enum is a difference', () => {
    const differences = mutated('workflowPost', '/properties/flowClass/enum', [
      'edge',
      'cloud',
      'experience',
      'customNode',
    ]);
    expect(pointersOf(differences)).to.deep.equal([
      '/properties/flowClass/enum/0',
      '/properties/flowClass/enum/1',
    ]);
  });

  it('an extra keyword is a difference', () => {
    expect(pointersOf(mutated('error', '/additionalProperties', false))).to.deep.equal([
      '/additionalProperties',
    ]);
  });

  it('a missing keyword is a difference', () => {
    const { additionalProperties: _dropped, ...ours } = effectiveSchema('workflowPost');
    expect(pointersOf(schemaFidelityDifferences('workflowPost', ours))).to.deep.equal([
      '/additionalProperties',
    ]);
  });

  it('a changed decision-13 guard is a difference', () => {
    const differences = mutated('workflowVersion', '/anyOf/0/allOf/0/properties/flowClass/enum', [
      'experience',
      'edge',
    ]);
    expect(pointersOf(differences)).to.deep.equal(['/anyOf/0/allOf/0/properties/flowClass/enum/1']);
  });
});
