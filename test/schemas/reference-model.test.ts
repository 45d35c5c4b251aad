import { expect } from 'chai';
import { stripAnnotations } from '../../src/reference/annotations';
import { dereferenceSchemaFile, type SchemaFileLoader } from '../../src/reference/dereference';
import { applyDeviations } from '../../src/reference/deviations';
import type { JsonObject } from '../../src/model/json';
import { resolvePointer } from '../../src/model/json-pointer';
import { decodeEntities, firstTable, jsonBlocks, sectionsAt } from '../../src/reference/markdown';

const loaderOf =
  (files: Record<string, JsonObject>): SchemaFileLoader =>
  (file) => {
    if (!files[file]) throw new Error(`no file ${file}`);
    return files[file];
  };

describe('reference model: $ref resolution', () => {
  it('resolves a local, a cross-file and a nested cross-file $ref', () => {
    const load = loaderOf({
      'a.json': {
        properties: { local: { $ref: '#/definitions/x' }, remote: { $ref: 'b.json#/definitions/y' } },
        definitions: { x: { type: 'string' } },
      },
      'b.json': { definitions: { y: { items: { $ref: '#/definitions/z' } }, z: { type: 'number' } } },
    });
    const resolved = dereferenceSchemaFile('a.json', load);
    expect(resolved.properties).to.deep.equal({
      local: { type: 'string' },
      remote: { items: { type: 'number' } },
    });
  });

  it('refuses a circular $ref', () => {
    const load = loaderOf({ 'a.json': { items: { $ref: '#' } } });
    expect(() => dereferenceSchemaFile('a.json', load)).to.throw(/circular/);
  });

  it('refuses a $ref with siblings (draft-04 would ignore them)', () => {
    const load = loaderOf({ 'a.json': { $ref: '#/definitions/x', maxLength: 3, definitions: { x: {} } } });
    expect(() => dereferenceSchemaFile('a.json', load)).to.throw(/siblings/);
  });

  it('refuses a $ref that leads nowhere', () => {
    const load = loaderOf({ 'a.json': { items: { $ref: '#/definitions/missing' } } });
    expect(() => dereferenceSchemaFile('a.json', load)).to.throw(/resolves to no schema/);
  });
});

describe('reference model: annotations', () => {
  it('drops title, description, id, $schema and definitions but keeps properties of those names', () => {
    const schema: JsonObject = {
      $schema: 'x',
      id: 'y',
      title: 't',
      definitions: { a: {} },
      properties: { description: { type: 'string', description: 'd' }, id: { type: 'string' } },
      oneOf: [{ title: 'branch', type: 'object' }],
    };
    expect(stripAnnotations(schema)).to.deep.equal({
      properties: { description: { type: 'string' }, id: { type: 'string' } },
      oneOf: [{ type: 'object' }],
    });
  });
});

describe('reference model: deviations', () => {
  it('decision 13 refuses a Workflow Version that is not a oneOf of a cloud and an experience branch', () => {
    expect(() => applyDeviations('workflowVersion', { oneOf: [{}, {}, {}] }, {})).to.throw(/decision 13/);
  });

  it('decision 14 accepts each read-only key of the Workflow schema with any value', () => {
    const workflow = {
      properties: Object.fromEntries(
        ['flowId', 'creationDate', 'lastUpdated', 'stats', 'customNodeUseCount', 'deletedInDevelop'].map(
          (key) => [key, { title: key }],
        ),
      ),
    };
    const patched = applyDeviations(
      'workflowImport',
      { properties: { flows: { items: { properties: {} } } } },
      workflow,
    );
    expect(resolvePointer(patched, '/properties/flows/items/properties/stats')).to.deep.equal({});
    expect(() =>
      applyDeviations('workflowImport', { properties: { flows: { items: { properties: {} } } } }, {}),
    ).to.throw(/decision 14/);
  });
});

describe('reference model: markdown', () => {
  it('decodes the entities of the reference tables', () => {
    expect(decodeEntities('a&#x3D;1&amp;b&#61;2 &lt;x&gt; &unknown;')).to.equal('a=1&b=2 <x> &unknown;');
  });

  it('reads a pipe table into records keyed by the header', () => {
    const table = '| Code | Type |\n| ---- | ---- |\n| 200 | [A](s.md#a) |\n| 404 |  |';
    expect(firstTable(table)).to.deep.equal([
      { Code: '200', Type: '[A](s.md#a)' },
      { Code: '404', Type: '' },
    ]);
  });

  it('splits sections at one heading level, keeping deeper headings in the body', () => {
    const markdown = '# Top\n## A <a name="a"></a>\ntext\n### Sub\n```json\n{"x":1}\n```\n## B\nmore';
    const sections = sectionsAt(markdown, 2);
    expect(sections.map(({ title, anchor }) => ({ title, anchor }))).to.deep.equal([
      { title: 'A', anchor: 'a' },
      { title: 'B', anchor: undefined },
    ]);
    expect(jsonBlocks(sections[0].body)).to.deep.equal([{ x: 1 }]);
  });
});
