import { expect } from 'chai';
import { actionById } from '../../../specs/catalog';
import { accessRefusals } from '../../../src/model/resource/access';
import {
  collectionEcho,
  flowSelector,
  referencedCustomNodes,
  versionMatches,
} from '../../../src/model/resource/collection';
import { postProblem } from '../../../src/model/resource/post-body';
import { readQuery } from '../../../src/model/resource/query-reading';

const GET = actionById('flows.get');
const BY_VERSION = actionById('flows.getByVersion');

/** The pieces of the model the mock answers with (src/mock is a shell over them). */
describe('model of the reference: the pieces the mock answers with', () => {
  const read = (action = GET, query = '') => {
    const reading = readQuery(action, query);
    if (reading.kind !== 'read') throw new Error(`refused: ${reading.reason}`);
    return reading;
  };

  it('echoes the effective values, filter and filterField only when given, never the version', () => {
    expect(collectionEcho(GET, read(), 'app')).to.deep.equal({
      perPage: 1000,
      page: 0,
      sortField: 'name',
      sortDirection: 'asc',
      applicationId: 'app',
      flowClass: 'cloud',
    });
    const byVersion = collectionEcho(BY_VERSION, read(BY_VERSION, 'version=v1&filter=a*'), 'app');
    expect(byVersion).to.include({ filter: 'a*' });
    expect(byVersion).to.not.have.property('version');
  });

  it('names the refused parameter, and none for a malformed query string', () => {
    expect(readQuery(GET, 'page=-1')).to.include({ kind: 'refused', parameter: 'page' });
    expect(readQuery(BY_VERSION, '')).to.include({ kind: 'refused', parameter: 'version' });
    const tooMany = Array.from({ length: 201 }, (_, index) => `p${index}=1`).join('&');
    const malformed = readQuery(GET, tooMany);
    expect(malformed).to.include({ kind: 'refused', reason: 'malformed query string' });
    expect(malformed).to.not.have.property('parameter');
  });

  it('selects any stored shape through a view: class, glob on the prepared name, default triggers', () => {
    const flows = [
      { flowClass: 'cloud', label: 'Alpha', triggers: [{ type: 'webhook' }] },
      { flowClass: 'edge', label: 'alpha', triggers: [] },
      { flowClass: 'cloud', label: 'beta', triggers: [] },
    ];
    const { values } = read(GET, 'filterField=name&filter=al*&triggerFilter[0][type]=webhook');
    const selected = flows.filter(
      flowSelector({ name: (flow) => flow.label, triggers: (flow) => flow.triggers }, values),
    );
    expect(selected.map((flow) => flow.label)).to.deep.equal(['Alpha']);
    const everyClass = new Map(read(GET, 'filterField=name&filter=al*').values);
    everyClass.delete('flowClass');
    expect(
      flows.filter(flowSelector({ name: (f) => f.label, triggers: () => [] }, everyClass)),
    ).to.have.length(2);
  });

  it('matches version names exactly, or case-insensitively only as another reading', () => {
    expect(versionMatches('V1')('v1')).to.equal(false);
    expect(versionMatches('V1', { versionCaseInsensitive: true })('v1')).to.equal(true);
  });

  it('finds the referenced custom nodes by lower-cased id, and nothing of another class', () => {
    const stored = new Map([
      ['aa', { flowClass: 'customNode' }],
      ['bb', { flowClass: 'cloud' }],
    ]);
    const found = referencedCustomNodes(
      [['AA', 'bb', 'cc']],
      (ids) => ids,
      (id) => stored.get(id),
    );
    expect([...found.keys()]).to.deep.equal(['aa']);
  });

  it('tells which check refuses, in the decisions’ order', () => {
    const kinds = accessRefusals(
      { acceptedScopes: ['flows.get'] },
      { kind: 'token', scopes: ['flows.post'], applicationKey: 'other' },
      'malformed',
    ).map((refusal) => refusal.kind);
    expect(kinds).to.deep.equal(['scope', 'malformed']);
    expect(
      accessRefusals(GET, { kind: 'token', scopes: ['flows.get'], applicationKey: 'other' }, 'own'),
    ).to.have.nested.property('[0].kind', 'binding');
  });

  it('reads a Post body against the Workflow Post schema (decision 10)', () => {
    expect(postProblem({ name: 'ok' })).to.equal(undefined);
    expect(postProblem({ name: 'ok', unknown: 1 })).to.be.a('string');
  });
});
