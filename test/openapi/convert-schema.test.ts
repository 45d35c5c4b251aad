import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import { expect } from 'chai';
import { convertSchema, type JsonSchema } from '../../src/openapi';

const keepRefs = {
  rewriteRef: (ref: string) => ref.replace('#/definitions/', '#/$defs/'),
  keepDefinitions: true,
};

/** Each draft-04 schema and the values it must judge; the converted one must judge them the same. */
const CASES: { name: string; draft04: JsonSchema; expected: JsonSchema; values: unknown[] }[] = [
  {
    name: 'exclusiveMinimum: true turns minimum into the exclusive bound',
    draft04: { type: 'number', minimum: 1, exclusiveMinimum: true, maximum: 5, exclusiveMaximum: false },
    expected: { type: 'number', exclusiveMinimum: 1, maximum: 5 },
    values: [0, 1, 1.5, 5, 6],
  },
  {
    name: 'id and $schema are dropped, definitions become $defs',
    draft04: {
      $schema: 'http://json-schema.org/draft-04/schema#',
      id: 'https://example.com/a.json',
      definitions: { name: { type: 'string', minLength: 1 } },
      properties: { name: { $ref: '#/definitions/name' } },
    },
    expected: {
      $defs: { name: { type: 'string', minLength: 1 } },
      properties: { name: { $ref: '#/$defs/name' } },
    },
    values: [{ name: '' }, { name: 'a' }, {}],
  },
  {
    name: 'a tuple becomes prefixItems, additionalItems becomes items',
    draft04: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false },
    expected: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false },
    values: [['a', 1], ['a', 1, 2], [1, 'a'], ['a']],
  },
  {
    name: 'dependencies split into dependentRequired and dependentSchemas',
    draft04: { dependencies: { a: ['b'], c: { required: ['d'] } } },
    expected: { dependentRequired: { a: ['b'] }, dependentSchemas: { c: { required: ['d'] } } },
    values: [{ a: 1 }, { a: 1, b: 2 }, { c: 1 }, { c: 1, d: 2 }],
  },
];

describe('openapi: convertSchema (draft-04 to 2020-12)', () => {
  for (const { name, draft04, expected, values } of CASES)
    it(name, () => {
      const converted = convertSchema(draft04, keepRefs) as JsonSchema;
      expect(converted).to.deep.equal(expected);
      const before = new AjvDraft04({ strict: false }).compile(draft04);
      const after = new Ajv2020({ strict: false }).compile(converted);
      expect(values.map((value) => after(value))).to.deep.equal(values.map((value) => before(value)));
    });

  it('refuses a $ref with constraining siblings, which draft-04 and ajv read differently', () => {
    const draft04 = { properties: { n: { $ref: '#/definitions/n', minimum: 10, description: 'a count' } } };
    expect(() => convertSchema(draft04, keepRefs)).to.throw(/sibling keywords \(minimum\)/);
  });

  it('keeps annotations beside a $ref', () => {
    const draft04 = { properties: { n: { $ref: '#/definitions/n', description: 'a count' } } };
    expect(convertSchema(draft04, keepRefs)).to.deep.equal({
      properties: { n: { $ref: '#/$defs/n', description: 'a count' } },
    });
  });

  it('leaves its input as it was', () => {
    const draft04: JsonSchema = { id: 'x', minimum: 1, exclusiveMinimum: true };
    convertSchema(draft04, keepRefs);
    expect(draft04).to.deep.equal({ id: 'x', minimum: 1, exclusiveMinimum: true });
  });
});
