import { expect } from 'chai';
import { APPLICATION_ID, exchange, request, SENT_AT, run } from './support';

const post = (body: unknown) => request({ method: 'POST', body: JSON.stringify(body), query: undefined });
const ID = '5f0000000000000000000001';

/** A Workflow as decision 10 wants it just created (written out here, not taken from the catalog). */
const createdWorkflow = (id: string) => ({
  id,
  flowId: id,
  applicationId: APPLICATION_ID,
  creationDate: SENT_AT,
  lastUpdated: SENT_AT,
  flowClass: 'cloud',
  enabled: false,
  triggers: [],
  nodes: [],
  globals: [],
  stats: { runCount: 0, errorCount: 0 },
});

describe('checks: roundTrip, postDefaults, importMaps, importDefaults, nothingCreated', () => {
  const sent = { name: 'fcx-c-flow', description: 'kept' };
  it('roundTrip wants each sent field back from Post and from Get', () => {
    const created = exchange(201, { id: ID, ...sent }, {}, post(sent));
    expect(
      run({ check: 'roundTrip', fetchedAt: 1 }, created, exchange(200, { items: [{ id: ID, ...sent }] })),
    ).to.deep.equal([]);
    const [failure] = run(
      { check: 'roundTrip', fetchedAt: 1 },
      created,
      exchange(200, { items: [{ id: ID, name: sent.name }] }),
    );
    expect(failure.text).to.include('Get returns description missing');
    expect([failure.rule, failure.pointer]).to.deep.equal(['roundTrip', '/items/0/description']);
    expect(failure.mismatches).to.deep.include({
      pointer: '/items/0/description',
      actual: undefined,
      expected: sent.description,
    });
  });

  it('roundTrip takes a field sent as null (iconData: no icon) back absent or null, and nothing else', () => {
    const noIcon = { name: 'fcx-c-flow', iconData: null };
    const created = exchange(201, { id: ID, name: noIcon.name }, {}, post(noIcon));
    const fetched = (item: object) => exchange(200, { items: [{ id: ID, name: noIcon.name, ...item }] });
    expect(run({ check: 'roundTrip', fetchedAt: 1 }, created, fetched({}))).to.deep.equal([]);
    expect(run({ check: 'roundTrip', fetchedAt: 1 }, created, fetched({ iconData: null }))).to.deep.equal([]);
    const [failure] = run(
      { check: 'roundTrip', fetchedAt: 1 },
      created,
      fetched({ iconData: 'data:image/png;base64,AAAA' }),
    );
    expect(failure.text).to.include('Get returns iconData');
  });

  it('postDefaults wants the defaults of decision 10', () => {
    const body = createdWorkflow(ID);
    expect(run({ check: 'postDefaults' }, exchange(201, body))).to.deep.equal([]);
    const [failure] = run({ check: 'postDefaults' }, exchange(201, { ...body, enabled: true }));
    expect(failure.text).to.include('enabled=true');
    expect(failure.location).to.equal('docs/reference-decisions.md decision 10 (Post result)');
    const elsewhere = { ...body, applicationId: '575ec8687ae143cd83dc4a98' };
    expect(run({ check: 'postDefaults' }, exchange(201, elsewhere))[0].text).to.include(
      'applicationId "575ec8687ae143cd83dc4a98"',
    );
  });

  it('postDefaults allows the server clock 10 minutes of skew, not more', () => {
    const at = (minutes: number) => new Date(Date.parse(SENT_AT) + minutes * 60_000).toISOString();
    const body = (date: string) => ({
      id: ID,
      flowId: ID,
      applicationId: APPLICATION_ID,
      creationDate: date,
      lastUpdated: date,
      flowClass: 'cloud',
      enabled: false,
      triggers: [],
      nodes: [],
      globals: [],
      stats: { runCount: 0, errorCount: 0 },
    });
    for (const minutes of [-10, -1, 0, 9.5, 10])
      expect(
        run({ check: 'postDefaults' }, exchange(201, body(at(minutes)))),
        `${minutes} min`,
      ).to.deep.equal([]);
    for (const date of [at(-11), at(11), '2016-06-13T04:00:00.000Z', 'now'])
      expect(run({ check: 'postDefaults' }, exchange(201, body(date)))[0].text).to.include('is not now');
  });

  it('importMaps wants every given id mapped to a fresh one and versions on the new flows', () => {
    const given = { flows: [{ id: 'a1' }], flowVersions: [{ id: 'b1', flowId: 'a1' }] };
    const ok = {
      importedFlowIdMap: { a1: 'n1' },
      importedVersionIdMap: { b1: 'm1' },
      flowVersions: [{ id: 'm1', flowId: 'n1' }],
    };
    expect(run({ check: 'importMaps' }, exchange(201, ok, {}, post(given)))).to.deep.equal([]);
    const [failure] = run({ check: 'importMaps' }, exchange(201, { flows: [] }, {}, post(given)));
    expect(failure.text).to.include('flow a1 is not mapped');
    const two = { flows: [{ id: 'a1' }, { id: 'a2' }], flowVersions: [{ id: 'b1', flowId: 'a2' }] };
    const onFirst = { ...ok, importedFlowIdMap: { a1: 'n1', a2: 'n2' } };
    const [wrongFlow] = run({ check: 'importMaps' }, exchange(201, onFirst, {}, post(two)));
    expect(wrongFlow.text).to.include('version b1 has flowId n1, not n2');
  });

  it('importMaps: an id kept rather than fresh is a SHOULD of decision 11; an unmapped id a MUST', () => {
    const given = { flows: [{ id: '5a0000000000000000000001' }], flowVersions: [] };
    const kept = { importedFlowIdMap: { '5a0000000000000000000001': '5a0000000000000000000001' } };
    const [keptFailure] = run({ check: 'importMaps' }, exchange(201, kept, {}, post(given)));
    expect(keptFailure.level).to.equal('SHOULD');
    expect(keptFailure.text).to.include('kept its id');
    const [unmapped] = run(
      { check: 'importMaps' },
      exchange(201, { importedFlowIdMap: {} }, {}, post(given)),
    );
    expect(unmapped.level).to.equal('MUST');
  });

  it('importMaps wants a given defaultVersionId remapped to its version’s new id (P4)', () => {
    const given = {
      flows: [{ id: 'a1', defaultVersionId: 'b1' }],
      flowVersions: [{ id: 'b1', flowId: 'a1' }],
    };
    const result = (defaultVersionId: string) => ({
      importedFlowIdMap: { a1: 'n1' },
      importedVersionIdMap: { b1: 'm1' },
      flows: [{ id: 'n1', defaultVersionId }],
      flowVersions: [{ id: 'm1', flowId: 'n1' }],
    });
    expect(run({ check: 'importMaps' }, exchange(201, result('m1'), {}, post(given)))).to.deep.equal([]);
    const [kept] = run({ check: 'importMaps' }, exchange(201, result('b1'), {}, post(given)));
    expect(kept.text).to.include('flow a1 has defaultVersionId b1, not m1');
  });

  it('importDefaults wants Post defaults on each imported flow and no given read-only value kept', () => {
    const created = createdWorkflow('n1');
    const given = { flows: [{ id: 'a1', name: 'x', stats: { runCount: 5, errorCount: 2 } }] };
    const result = (flow: object) => ({ flows: [flow], importedFlowIdMap: { a1: 'n1' } });
    expect(run({ check: 'importDefaults' }, exchange(201, result(created), {}, post(given)))).to.deep.equal(
      [],
    );
    const kept = { ...created, stats: { runCount: 5, errorCount: 2 } };
    const [failure] = run({ check: 'importDefaults' }, exchange(201, result(kept), {}, post(given)));
    expect(failure.text).to.include('kept the given stats').and.include('stats={');
    const [missing] = run({ check: 'importDefaults' }, exchange(201, { flows: [] }, {}, post(given)));
    expect(missing.text).to.include('0 flows imported');
  });

  it('nothingCreated wants the follow-up Get of a write refused with a 4xx empty', () => {
    const refused = exchange(400, { type: 'Validation', message: 'no' });
    const check = { check: 'nothingCreated', at: 1 } as const;
    expect(run(check, refused, exchange(200, { items: [] }))).to.deep.equal([]);
    const [failure] = run(check, refused, exchange(200, { items: [{ name: 'fcx-c-x' }] }));
    expect(failure.text).to.include('refused with 400 created fcx-c-x');
    expect(failure.level, 'a 4xx changes no state: MUST').to.equal('MUST');
  });

  it('nothingCreated leaves a write that was not refused to the status check', () => {
    const accepted = exchange(201, { id: ID, name: 'fcx-c-x' });
    expect(
      run({ check: 'nothingCreated', at: 1 }, accepted, exchange(200, { items: [{ name: 'fcx-c-x' }] })),
    ).to.deep.equal([]);
  });
});
