import { expect } from 'chai';
import { validatorFor } from '../../src/schemas/registry';
import { APP, FLOWS, idsOf, namesOf, seeded, type TestMock } from './helpers';

const id = (n: number) => `5a000000000000000000000${n}`;
const versionId = (n: number) => `5c000000000000000000000${n}`;
const CLOUD_BY_NAME = ['Alpha', 'alpha', 'beta', 'Gamma'];

describe('mock: Get collection behaviour (decisions 4-9)', () => {
  let t: TestMock;
  before(async () => {
    t = await seeded();
  });
  after(() => t.close());

  it('a Get validates against Workflows and echoes the collection fields', async () => {
    const response = await t.get(
      `${FLOWS}?perPage=2&page=1&sortField=id&sortDirection=desc&filterField=name&filter=*`,
    );
    expect(response.status).to.equal(200);
    expect(validatorFor('workflows')(response.body)).to.deep.equal([]);
    const { items: _items, ...echo } = response.body;
    expect(echo).to.deep.equal({
      count: 2,
      totalCount: 4,
      perPage: 2,
      page: 1,
      sortField: 'id',
      sortDirection: 'desc',
      filter: '*',
      filterField: 'name',
      applicationId: APP,
      flowClass: 'cloud',
    });
  });

  it('the defaults: sortField name, asc, page 0, perPage 1000, flowClass cloud', async () => {
    const response = await t.get(FLOWS);
    expect(response.body).to.include({
      sortField: 'name',
      sortDirection: 'asc',
      page: 0,
      perPage: 1000,
      flowClass: 'cloud',
    });
    expect(namesOf(response.body)).to.deep.equal(CLOUD_BY_NAME);
  });

  it('names sort case-insensitively, ties broken by id ascending', async () => {
    expect(idsOf((await t.get(FLOWS)).body).slice(0, 2)).to.deep.equal([id(1), id(4)]);
  });

  it('sortDirection=desc reverses the order, ties still by id ascending', async () => {
    const response = await t.get(`${FLOWS}?sortDirection=desc`);
    expect(namesOf(response.body)).to.deep.equal(['Gamma', 'beta', 'Alpha', 'alpha']);
  });

  for (const [field, expected] of [
    ['id', [1, 2, 3, 4]],
    ['creationDate', [1, 4, 2, 3]],
    ['lastUpdated', [3, 2, 4, 1]],
  ] as const) {
    it(`sortField=${field} sorts by ${field}`, async () => {
      expect(idsOf((await t.get(`${FLOWS}?sortField=${field}`)).body)).to.deep.equal(expected.map(id));
    });
  }

  it('paging is 0-based with count and totalCount; a page past the end is empty', async () => {
    const first = await t.get(`${FLOWS}?perPage=3&page=0`);
    const second = await t.get(`${FLOWS}?perPage=3&page=1`);
    const past = await t.get(`${FLOWS}?perPage=3&page=7`);
    expect(namesOf(first.body)).to.deep.equal(CLOUD_BY_NAME.slice(0, 3));
    expect(namesOf(second.body)).to.deep.equal(CLOUD_BY_NAME.slice(3));
    expect([first.body.count, second.body.count, past.body.count]).to.deep.equal([3, 1, 0]);
    expect([first.body.totalCount, second.body.totalCount, past.body.totalCount]).to.deep.equal([4, 4, 4]);
    expect(past.status).to.equal(200);
  });

  for (const [glob, expected] of [
    ['alpha', ['Alpha', 'alpha']],
    ['ALP*', ['Alpha', 'alpha']],
    ['*a', ['Alpha', 'alpha', 'beta', 'Gamma']],
    ['?eta', ['beta']],
    ['?', []],
    ['lph', []],
    ['g*m*a', ['Gamma']],
  ] as const) {
    it(`filter=${glob} matches the whole name case-insensitively`, async () => {
      const response = await t.get(`${FLOWS}?filterField=name&filter=${encodeURIComponent(glob)}`);
      expect(namesOf(response.body)).to.deep.equal(expected);
    });
  }

  it('regular-expression characters in a filter are literal', async () => {
    expect(
      (await t.get(`${FLOWS}?filterField=name&filter=${encodeURIComponent('.*')}`)).body.items,
    ).to.deep.equal([]);
  });

  for (const [flowClass, names] of [
    ['cloud', CLOUD_BY_NAME],
    ['edge', ['Edge One']],
    ['customNode', ['Custom Node']],
    ['experience', ['Experience One']],
  ] as const) {
    it(`flowClass=${flowClass} returns only ${flowClass} flows`, async () => {
      const response = await t.get(`${FLOWS}?flowClass=${flowClass}`);
      expect(namesOf(response.body)).to.deep.equal(names);
      expect(response.body.flowClass).to.equal(flowClass);
    });
  }

  it('triggerFilter by type checks the default version (or the flow itself)', async () => {
    const response = await t.get(`${FLOWS}?triggerFilter[0][type]=webhook`);
    expect(namesOf(response.body)).to.deep.equal(['Alpha', 'alpha', 'beta']);
    const timer = await t.get(`${FLOWS}?triggerFilter[0][type]=timer`);
    expect(namesOf(timer.body)).to.deep.equal([]);
  });

  it('triggerFilter by type and key needs both to match one trigger', async () => {
    const key = '5b0000000000000000000002';
    expect(
      namesOf((await t.get(`${FLOWS}?triggerFilter[0][type]=webhook&triggerFilter[0][key]=${key}`)).body),
    ).to.deep.equal(['beta']);
    expect(
      namesOf((await t.get(`${FLOWS}?triggerFilter[0][type]=timer&triggerFilter[0][key]=${key}`)).body),
    ).to.deep.equal([]);
  });

  it('triggerFilter entries are alternatives', async () => {
    const response = await t.get(
      `${FLOWS}?triggerFilter[0][key]=5b0000000000000000000002&triggerFilter[1][key]=5b0000000000000000000009`,
    );
    expect(namesOf(response.body)).to.deep.equal(['alpha', 'beta']);
  });

  it('includeCustomNodes=true adds the referenced custom-node flows', async () => {
    const response = await t.get(`${FLOWS}?includeCustomNodes=true`);
    expect(response.body.customNodes.map((flow: { id: string }) => flow.id)).to.deep.equal([id(6)]);
    expect(validatorFor('workflow')(response.body.customNodes[0])).to.deep.equal([]);
  });

  it('includeCustomNodes only looks at the returned flows', async () => {
    const response = await t.get(`${FLOWS}?includeCustomNodes=true&filterField=name&filter=Gamma`);
    expect(response.body.customNodes).to.deep.equal([]);
  });

  it('includeCustomNodes absent or false: no customNodes key', async () => {
    expect((await t.get(FLOWS)).body).not.to.have.property('customNodes');
    expect((await t.get(`${FLOWS}?includeCustomNodes=false`)).body).not.to.have.property('customNodes');
  });
});

describe('mock: Get by Version (decision 12, P1)', () => {
  let t: TestMock;
  const VERSIONS = `/applications/${APP}/flows/version`;
  before(async () => {
    t = await seeded();
  });
  after(() => t.close());

  it('returns the versions named exactly so, of cloud flows by default, sorted by flow name', async () => {
    const response = await t.get(`${VERSIONS}?version=v1`);
    expect(response.status).to.equal(200);
    expect(validatorFor('workflowVersions')(response.body)).to.deep.equal([]);
    expect(idsOf(response.body)).to.deep.equal([versionId(1), versionId(5), versionId(2)]);
    expect(response.body).to.include({ count: 3, totalCount: 3, applicationId: APP });
    expect(response.body).to.not.have.property('version');
  });

  it('an unknown version gives an empty page', async () => {
    expect((await t.get(`${VERSIONS}?version=V1`)).body.items).to.deep.equal([]);
  });

  it('flowClass selects the flows whose versions are returned', async () => {
    expect(idsOf((await t.get(`${VERSIONS}?version=v1&flowClass=edge`)).body)).to.deep.equal([versionId(4)]);
  });

  it('sortField=creationDate sorts by the version’s own date, ties by id', async () => {
    const response = await t.get(`${VERSIONS}?version=v1&sortField=creationDate&sortDirection=desc`);
    expect(idsOf(response.body)).to.deep.equal([versionId(1), versionId(2), versionId(5)]);
  });

  it('filter applies to the flow name; triggerFilter to the default version', async () => {
    expect(idsOf((await t.get(`${VERSIONS}?version=v1&filterField=name&filter=b*`)).body)).to.deep.equal([
      versionId(2),
    ]);
    const byTrigger = await t.get(`${VERSIONS}?version=v1&triggerFilter[0][key]=5b0000000000000000000002`);
    expect(idsOf(byTrigger.body)).to.deep.equal([versionId(2)]);
  });

  it('paging applies to versions', async () => {
    const response = await t.get(`${VERSIONS}?version=v1&perPage=2&page=1`);
    expect(idsOf(response.body)).to.deep.equal([versionId(2)]);
    expect(response.body).to.include({ count: 1, totalCount: 3 });
  });

  it('includeCustomNodes=true adds custom nodes the returned versions reference', async () => {
    const response = await t.get(`${VERSIONS}?version=v1&includeCustomNodes=true`);
    expect(response.body.customNodes.map((flow: { id: string }) => flow.id)).to.deep.equal([id(6)]);
  });
});
