import { expect } from 'chai';
import { followRef, refParts, resolveRefs, schemaFile } from '../../src/model/schema-refs';

describe('model: the one walker of $refs between the schema files', () => {
  it('follows a reference into another file, to a file’s root, and within the same file', () => {
    const triggers = followRef('common.json#/definitions/triggers', 'workflow.json');
    expect(triggers?.file).to.equal('common.json');
    expect(triggers?.schema).to.equal(
      (schemaFile('common.json').definitions as Record<string, unknown>).triggers,
    );
    expect(followRef('workflow.json', 'workflow-versions.json')).to.include({
      file: 'workflow.json',
      pointer: '',
    });
    expect(followRef('#/definitions/cloudVersion', 'workflow-version.json')?.file).to.equal(
      'workflow-version.json',
    );
  });

  it('reads the fragment as an RFC 6901 pointer: percent-decoded, ~1 and ~0 unescaped', () => {
    expect(refParts('common.json#%2Fdefinitions%2Fnodes', 'x.json')).to.deep.equal({
      file: 'common.json',
      pointer: '/definitions/nodes',
    });
    // `~1` is a slash inside one token: `definitions/nodes` as one key exists nowhere.
    expect(followRef('common.json#/definitions~1nodes', 'x.json')).to.equal(undefined);
    expect(followRef('common.json#/definitions/nodes', 'x.json')).to.not.equal(undefined);
  });

  it('a reference that leads nowhere, or a fragment that is no pointer, resolves to undefined', () => {
    expect(followRef('common.json#/definitions/none', 'x.json')).to.equal(undefined);
    expect(followRef('common.json#definitions', 'x.json')).to.equal(undefined);
    expect(resolveRefs({ schema: { $ref: 'common.json#/nowhere' }, file: 'workflow.json' })).to.equal(
      undefined,
    );
  });

  it('resolves a chain of references to the first node without one', () => {
    const resolved = resolveRefs({
      schema: { $ref: 'workflow-version.json' },
      file: 'workflow-versions.json',
    });
    expect(resolved?.file).to.equal('workflow-version.json');
    expect(resolved?.schema.$ref).to.equal(undefined);
  });
});
