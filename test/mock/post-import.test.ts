import { expect } from 'chai';
import { validatorFor } from '../../src/schemas/registry';
import { APP, FLOWS, readFixture, seeded, startMock, type TestMock } from './helpers';

const HEX24 = /^[0-9a-f]{24}$/;
const IMPORT = `${FLOWS}/import`;
const given = (n: number) => `6d00000000000000000000${String(n).padStart(2, '0')}`;

describe('mock: Post (decision 10, P3)', () => {
  let t: TestMock;
  beforeEach(async () => {
    t = await seeded();
  });
  afterEach(() => t.close());

  it('answers 201 with the whole Workflow and its defaults', async () => {
    const response = await t.post(FLOWS, readFixture('reference-examples', 'workflow-post.json'));
    expect(response.status).to.equal(201);
    expect(validatorFor('workflow')(response.body)).to.deep.equal([]);
    const flow = response.body;
    expect(flow.id).to.match(HEX24);
    expect(flow.flowId).to.equal(flow.id);
    expect(flow.creationDate).to.equal(flow.lastUpdated);
    expect(Date.parse(flow.creationDate)).to.be.closeTo(Date.now(), 60_000);
    expect(flow).to.deep.include({
      applicationId: APP,
      name: 'My New Workflow',
      description: 'Description of my new workflow',
      flowClass: 'cloud',
      enabled: false,
      triggers: [],
      nodes: [],
      globals: [],
      stats: { runCount: 0, errorCount: 0 },
    });
  });

  it('what was posted is what Get returns', async () => {
    const body = {
      name: 'Round trip',
      description: 'kept',
      enabled: true,
      flowClass: 'edge',
      minimumAgentVersion: '1.2.3',
      triggers: [{ type: 'webhook', key: 'k', config: { a: 1 } }],
      nodes: [{ id: 'n', type: 'DebugNode', config: { message: 'hi' } }],
      globals: [{ key: 'g', json: '"v"' }],
    };
    const created = await t.post(FLOWS, body);
    const listed = await t.get(`${FLOWS}?flowClass=edge&filterField=name&filter=Round*`);
    expect(listed.body.items).to.deep.equal([created.body]);
    expect(created.body).to.deep.include(body);
  });

  for (const [rule, body] of [
    ['name is required', { description: 'no name' }],
    ['name must not be empty', { name: '' }],
    ['unknown keys are refused', { name: 'x', bogus: 1 }],
    ['flowClass must be a known class', { name: 'x', flowClass: 'fog' }],
    ['enabled must be a boolean', { name: 'x', enabled: 'yes' }],
    ['a trigger needs a known type', { name: 'x', triggers: [{ key: 'k' }] }],
    ['the body must be an object', ['name']],
  ] as const) {
    it(`400 and nothing created when ${rule}`, async () => {
      const before = t.mock.store.application(APP)?.flows.size;
      const response = await t.post(FLOWS, body);
      expect(response.status).to.equal(400);
      expect(validatorFor('error')(response.body)).to.deep.equal([]);
      expect(response.body.message).to.be.a('string').and.not.equal('');
      expect(t.mock.store.application(APP)?.flows.size).to.equal(before);
    });
  }

  it('includeCustomNodes=true adds customNodes to the created Workflow (P3)', async () => {
    const response = await t.post(`${FLOWS}?includeCustomNodes=true`, {
      name: 'uses custom node',
      nodes: [{ type: 'CustomNodeNode', config: { flowId: '5a0000000000000000000006' } }],
    });
    expect(response.status).to.equal(201);
    expect(response.body.customNodes.map((flow: { id: string }) => flow.id)).to.deep.equal([
      '5a0000000000000000000006',
    ]);
    const plain = await t.post(FLOWS, { name: 'plain' });
    expect(plain.body).not.to.have.property('customNodes');
  });

  it('N parallel Posts make exactly N flows with distinct ids', async () => {
    const before = t.mock.store.application(APP)?.flows.size ?? 0;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) => t.post(FLOWS, { name: `parallel ${index}` })),
    );
    expect(responses.map((response) => response.status)).to.deep.equal(responses.map(() => 201));
    expect(new Set(responses.map((response) => response.body.id)).size).to.equal(50);
    expect(t.mock.store.application(APP)?.flows.size).to.equal(before + 50);
  });

  it('a repeated Get sees every Post and DELETE in between (no stale page)', async () => {
    const count = async () => (await t.get(`${FLOWS}?perPage=5`)).body.totalCount;
    const before = await count();
    const created = await t.post(FLOWS, { name: 'fresh' });
    expect(await count()).to.equal(before + 1);
    await t.del(`${FLOWS}/${created.body.id}`);
    expect(await count()).to.equal(before);
  });

  it('DELETE removes a flow (200 {success:true}), then 404', async () => {
    const created = await t.post(FLOWS, { name: 'to delete' });
    expect((await t.del(`${FLOWS}/${created.body.id}`)).body).to.deep.equal({ success: true });
    expect((await t.del(`${FLOWS}/${created.body.id}`)).status).to.equal(404);
    expect((await t.get(`${FLOWS}?filterField=name&filter=to%20delete`)).body.items).to.deep.equal([]);
    expect((await t.del(`${FLOWS}/not-an-id`)).status).to.equal(400);
  });

  it('DELETE needs a delete scope', async () => {
    const created = await t.post(FLOWS, { name: 'kept' });
    const token = t.mock.tokenFor(['flows.get'], APP);
    expect((await t.del(`${FLOWS}/${created.body.id}`, token)).status).to.equal(403);
    expect(
      (await t.del(`${FLOWS}/${created.body.id}`, t.mock.tokenFor(['flow.delete'], APP))).status,
    ).to.equal(200);
  });
});

describe('mock: Import (decisions 11, 14)', () => {
  let t: TestMock;
  beforeEach(async () => {
    t = await startMock();
  });
  afterEach(() => t.close());

  const flowCount = () => t.mock.store.application(APP)?.flows.size ?? 0;
  const bundle = () => ({
    flows: [
      { id: given(1), name: 'Imported A', defaultVersionId: given(11), triggers: [{ type: 'timer' }] },
      { id: given(2), name: 'Imported B', description: 'b', flowClass: 'edge' },
      { name: 'Imported C without id' },
    ],
    flowVersions: [
      { id: given(11), flowId: given(1), version: 'v1', triggers: [{ type: 'webhook', key: 'wk' }] },
      { id: given(12), flowId: given(2), version: 'v1', notes: 'n' },
    ],
  });

  it('the reference example imports (decision 14: read-only keys ignored)', async () => {
    const response = await t.post(IMPORT, readFixture('reference-examples', 'workflow-import.json'));
    expect(response.status).to.equal(201);
    expect(validatorFor('workflowImportResult')(response.body)).to.deep.equal([]);
    const [flow] = response.body.flows;
    expect(flow.id).not.to.equal('575ed18f7ae143cd83dc4aa6');
    expect(flow.creationDate).not.to.equal('2016-06-13T04:00:00.000Z');
    expect(response.body.importedFlowIdMap).to.deep.equal({ '575ed18f7ae143cd83dc4aa6': flow.id });
  });

  it('answers 201 with fresh ids, id maps and remapped references', async () => {
    const response = await t.post(IMPORT, bundle());
    expect(response.status).to.equal(201);
    expect(validatorFor('workflowImportResult')(response.body)).to.deep.equal([]);
    const { flows, flowVersions, importedFlowIdMap, importedVersionIdMap } = response.body;
    expect(Object.keys(importedFlowIdMap)).to.deep.equal([given(1), given(2)]);
    expect(Object.keys(importedVersionIdMap)).to.deep.equal([given(11), given(12)]);
    for (const id of [...Object.values(importedFlowIdMap), ...Object.values(importedVersionIdMap)]) {
      expect(id)
        .to.match(HEX24)
        .and.not.match(/^6d0000/);
    }
    expect(flows.map((flow: { id: string }) => flow.id).slice(0, 2)).to.deep.equal([
      importedFlowIdMap[given(1)],
      importedFlowIdMap[given(2)],
    ]);
    expect(flows[0].defaultVersionId).to.equal(importedVersionIdMap[given(11)]);
    expect(flowVersions[0].flowId).to.equal(importedFlowIdMap[given(1)]);
    expect(flows[2]).to.deep.include({
      name: 'Imported C without id',
      flowClass: 'cloud',
      enabled: false,
      stats: { runCount: 0, errorCount: 0 },
    });
    expect(flowCount()).to.equal(3);
  });

  it('imported flows and versions are readable through Get and Get by Version', async () => {
    const imported = (await t.post(IMPORT, bundle())).body;
    const byTrigger = await t.get(`${FLOWS}?triggerFilter[0][key]=wk`);
    expect(byTrigger.body.items.map((flow: { id: string }) => flow.id)).to.deep.equal([
      imported.importedFlowIdMap[given(1)],
    ]);
    const versions = await t.get(`${FLOWS}/version?version=v1&flowClass=edge`);
    expect(versions.body.items).to.deep.equal([imported.flowVersions[1]]);
  });

  for (const [rule, mutate] of [
    [
      'a flow breaks the schema',
      (b: ReturnType<typeof bundle>) => ((b.flows[1] as Record<string, unknown>).enabled = 'no'),
    ],
    [
      'a version points at no flow of the bundle',
      (b: ReturnType<typeof bundle>) => (b.flowVersions[1].flowId = given(9)),
    ],
    [
      'a version has no flowId',
      (b: ReturnType<typeof bundle>) => delete (b.flowVersions[1] as Partial<{ flowId: string }>).flowId,
    ],
    [
      'a defaultVersionId names no version of its flow',
      (b: ReturnType<typeof bundle>) => (b.flows[0].defaultVersionId = given(12)),
    ],
    [
      'a flow without an id names a defaultVersionId (it can own no version of the bundle)',
      (b: ReturnType<typeof bundle>) =>
        ((b.flows[2] as { defaultVersionId?: string }).defaultVersionId = given(99)),
    ],
    ['a flow id is given twice', (b: ReturnType<typeof bundle>) => (b.flows[1].id = given(1))],
    [
      'an unknown key is not a short string',
      (b: ReturnType<typeof bundle>) => ((b.flows[0] as Record<string, unknown>).extra = 5),
    ],
  ] as const) {
    it(`all or nothing: 400 and nothing created when ${rule}`, async () => {
      const body = bundle();
      mutate(body);
      const response = await t.post(IMPORT, body);
      expect(response.status).to.equal(400);
      expect(validatorFor('error')(response.body)).to.deep.equal([]);
      expect(flowCount()).to.equal(0);
      expect(t.mock.store.application(APP)?.versions.size).to.equal(0);
    });
  }

  it('an empty bundle imports nothing (201)', async () => {
    const response = await t.post(IMPORT, {});
    expect(response.status).to.equal(201);
    expect(response.body).to.deep.equal({
      flows: [],
      flowVersions: [],
      importedFlowIdMap: {},
      importedVersionIdMap: {},
    });
  });

  it('N parallel Imports make exactly N times their flows', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, () => t.post(IMPORT, bundle())));
    expect(responses.every((response) => response.status === 201)).to.equal(true);
    expect(flowCount()).to.equal(60);
  });
});
