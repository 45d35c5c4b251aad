import { expect } from 'chai';
import { FAULT_NAMES, MOCK_FOREIGN_APPLICATION_ID, type FaultName } from '../../src/mock';
import { APP, FLOWS, OTHER_APP, UNKNOWN_APP, idsOf, namesOf, seeded, type TestMock } from './helpers';

/**
 * One probe per fault: an observation that a correct mock makes as `expected` and the faulty one does
 * not. The record type makes a fault without a probe a compile error.
 */
interface Probe {
  readonly observe: (t: TestMock) => Promise<unknown>;
  readonly expected: unknown;
}

const statusOf = async (pending: PromiseLike<{ status: number }>) => (await pending).status;

const PROBES: Record<FaultName, Probe> = {
  'ignore-scopes': {
    observe: (t) => statusOf(t.get(FLOWS, t.mock.tokenFor(['devices.get'], APP))),
    expected: 403,
  },
  'ignore-application-binding': {
    observe: (t) => statusOf(t.get(`/applications/${OTHER_APP}/flows`, t.mock.tokenFor(['flows.get'], APP))),
    expected: 403,
  },
  'unauthorized-as-200': { observe: (t) => statusOf(t.get(FLOWS, '')), expected: 401 },
  'expired-tokens-accepted': {
    observe: async (t) => {
      const created = await t.post(`/applications/${APP}/tokens`, {
        name: 'expired',
        scope: ['flows.get'],
        expirationDate: '2020-01-01T00:00:00.000Z',
      });
      return statusOf(t.get(FLOWS, created.body.token));
    },
    expected: 401,
  },
  'no-www-authenticate': {
    observe: async (t) => (await t.get(FLOWS, 'bad')).headers['www-authenticate'],
    expected: 'Bearer',
  },
  'sort-ignores-direction': {
    observe: async (t) => namesOf((await t.get(`${FLOWS}?sortDirection=desc`)).body),
    expected: ['Gamma', 'beta', 'Alpha', 'alpha'],
  },
  'no-tie-break': {
    observe: async (t) => idsOf((await t.get(`${FLOWS}?perPage=2`)).body),
    expected: ['5a0000000000000000000001', '5a0000000000000000000004'],
  },
  'paging-one-based': {
    observe: async (t) => namesOf((await t.get(`${FLOWS}?perPage=1&page=1`)).body),
    expected: ['alpha'],
  },
  'no-query-echo': {
    observe: async (t) => {
      const { page, perPage, sortField, sortDirection } = (
        await t.get(`${FLOWS}?perPage=2&sortDirection=desc`)
      ).body;
      return { page, perPage, sortField, sortDirection };
    },
    expected: { page: 0, perPage: 2, sortField: 'name', sortDirection: 'desc' },
  },
  'wrong-total-count': {
    observe: async (t) => (await t.get(`${FLOWS}?perPage=1`)).body.totalCount,
    expected: 4,
  },
  'glob-case-sensitive': {
    observe: async (t) => namesOf((await t.get(`${FLOWS}?filterField=name&filter=gam*`)).body),
    expected: ['Gamma'],
  },
  'no-flowclass-default': { observe: async (t) => (await t.get(FLOWS)).body.totalCount, expected: 4 },
  'trigger-filter-ignored': {
    observe: async (t) => namesOf((await t.get(`${FLOWS}?triggerFilter[0][type]=webhook`)).body),
    expected: ['Alpha', 'alpha', 'beta'],
  },
  'custom-nodes-missing': {
    observe: async (t) => 'customNodes' in (await t.get(`${FLOWS}?includeCustomNodes=true`)).body,
    expected: true,
  },
  'version-filter-ignored': {
    observe: async (t) => (await t.get(`${FLOWS}/version?version=v1`)).body.totalCount,
    expected: 3,
  },
  'post-returns-200': { observe: (t) => statusOf(t.post(FLOWS, { name: 'p' })), expected: 201 },
  'post-id-as-number': {
    observe: async (t) => typeof (await t.post(FLOWS, { name: 'p' })).body.id,
    expected: 'string',
  },
  'post-skips-validation': {
    observe: (t) => statusOf(t.post(FLOWS, { name: 'p', bogus: true })),
    expected: 400,
  },
  'import-partial': {
    observe: async (t) => {
      await t.post(`${FLOWS}/import`, { flows: [{ name: 'valid one' }, { name: 'invalid', enabled: 'no' }] });
      return (await t.get(`${FLOWS}?filterField=name&filter=valid*`)).body.totalCount;
    },
    expected: 0,
  },
  'import-no-id-maps': {
    observe: async (t) =>
      Object.keys(
        (await t.post(`${FLOWS}/import`, { flows: [{ id: '6d0000000000000000000001', name: 'i' }] })).body,
      ).sort(),
    expected: ['flowVersions', 'flows', 'importedFlowIdMap', 'importedVersionIdMap'],
  },
  'unknown-app-as-200': {
    observe: (t) => statusOf(t.get(`/applications/${UNKNOWN_APP}/flows`)),
    expected: 404,
  },
  'error-body-as-text': {
    observe: async (t) => (await t.get(`${FLOWS}?sortField=bogus`)).headers['content-type'],
    expected: 'application/json; charset=utf-8',
  },
  'invalid-query-ignored': { observe: (t) => statusOf(t.get(`${FLOWS}?sortField=bogus`)), expected: 400 },
  'drops-description': {
    observe: async (t) => {
      await t.post(FLOWS, { name: 'described', description: 'keep me' });
      return (await t.get(`${FLOWS}?filterField=name&filter=described`)).body.items[0].description;
    },
    expected: 'keep me',
  },
  'wildcard-scopes-expanded': {
    observe: (t) => statusOf(t.post(FLOWS, { name: 'p' }, t.mock.tokenFor(['flows.get'], APP))),
    expected: 403,
  },
  'no-filter-echo': {
    observe: async (t) => {
      const { filter, filterField, applicationId, flowClass } = (
        await t.get(`${FLOWS}?filterField=name&filter=a*`)
      ).body;
      return { filter, filterField, applicationId, flowClass };
    },
    expected: { filter: 'a*', filterField: 'name', applicationId: APP, flowClass: 'cloud' },
  },
  'glob-question-as-star': {
    observe: async (t) => namesOf((await t.get(`${FLOWS}?filterField=name&filter=alpha?`)).body),
    expected: [],
  },
  'trigger-filter-every-entry': {
    observe: async (t) =>
      namesOf((await t.get(`${FLOWS}?triggerFilter[0][type]=webhook&triggerFilter[1][type]=timer`)).body),
    expected: ['Alpha', 'alpha', 'beta'],
  },
  'trigger-filter-needs-type': {
    observe: async (t) =>
      namesOf((await t.get(`${FLOWS}?triggerFilter[0][key]=5b0000000000000000000009`)).body),
    expected: ['alpha'],
  },
  'custom-nodes-all': {
    observe: async (t) =>
      (await t.get(`${FLOWS}?filterField=name&filter=Gamma&includeCustomNodes=true`)).body.customNodes,
    expected: [],
  },
  'import-versions-to-first-flow': {
    observe: async (t) => {
      const [first, second] = ['6d0000000000000000000001', '6d0000000000000000000002'];
      const { body } = await t.post(`${FLOWS}/import`, {
        flows: [
          { id: first, name: 'first' },
          { id: second, name: 'second' },
        ],
        flowVersions: [{ flowId: second, version: 'v' }],
      });
      return body.flowVersions[0].flowId === body.importedFlowIdMap[second];
    },
    expected: true,
  },
  'import-no-defaults': {
    observe: async (t) => (await t.post(`${FLOWS}/import`, { flows: [{ name: 'd' }] })).body.flows[0].stats,
    expected: { runCount: 0, errorCount: 0 },
  },
  'import-keeps-read-only': {
    observe: async (t) => {
      const given = '2016-06-13T04:00:00.000Z';
      const { body } = await t.post(`${FLOWS}/import`, { flows: [{ name: 'r', creationDate: given }] });
      return body.flows[0].creationDate === given;
    },
    expected: false,
  },
  'trigger-filter-own-triggers': {
    // beta's own trigger is a timer; its default version's is a webhook of this key.
    observe: async (t) =>
      namesOf((await t.get(`${FLOWS}?triggerFilter[0][key]=5b0000000000000000000002`)).body),
    expected: ['beta'],
  },
  'version-case-insensitive': {
    observe: async (t) => (await t.get(`${FLOWS}/version?version=V1`)).body.totalCount,
    expected: 0,
  },
  'post-stale-dates': {
    observe: async (t) => {
      const { creationDate } = (await t.post(FLOWS, { name: 'p' })).body;
      return Math.abs(Date.parse(creationDate) - Date.now()) < 60_000;
    },
    expected: true,
  },
  'import-default-version-unmapped': {
    observe: async (t) => {
      const [flow, version] = ['6d0000000000000000000001', '6e0000000000000000000001'];
      const { body } = await t.post(`${FLOWS}/import`, {
        flows: [{ id: flow, name: 'd', defaultVersionId: version }],
        flowVersions: [{ id: version, flowId: flow, version: 'v' }],
      });
      return body.flows[0].defaultVersionId === body.importedVersionIdMap[version];
    },
    expected: true,
  },
  'lenient-json': {
    observe: (t) => statusOf(t.post(FLOWS).set('content-type', 'application/json').send('{"name": "x",')),
    expected: 400,
  },
  'foreign-application-reachable': {
    observe: (t) => statusOf(t.get(`/applications/${MOCK_FOREIGN_APPLICATION_ID}/flows`)),
    expected: 404,
  },
  'revoked-tokens-accepted': {
    observe: async (t) => {
      const created = await t.post(`/applications/${APP}/tokens`, { name: 'revoked', scope: ['flows.get'] });
      await t.del(`/applications/${APP}/tokens/${created.body.id}`);
      return statusOf(t.get(FLOWS, created.body.token));
    },
    expected: 401,
  },
  'forbidden-names-application': {
    observe: async (t) =>
      JSON.stringify(
        (await t.get(`/applications/${OTHER_APP}/flows`, t.mock.tokenFor(['flows.get'], APP))).body,
      ).includes(OTHER_APP),
    expected: false,
  },
  'custom-nodes-cross-application': {
    observe: async (t) => {
      const custom = await t.post(`/applications/${OTHER_APP}/flows`, {
        name: 'custom of B',
        flowClass: 'customNode',
        customNodeConfig: { outputCount: 1, resultMode: 'none', fields: [] },
      });
      await t.post(FLOWS, {
        name: 'user of B',
        nodes: [{ id: 'n1', type: 'CustomNode', config: { flowId: custom.body.id } }],
      });
      return (await t.get(`${FLOWS}?filterField=name&filter=user of B&includeCustomNodes=true`)).body
        .customNodes;
    },
    expected: [],
  },
  'custom-nodes-from-all-matches': {
    observe: async (t) =>
      (await t.get(`${FLOWS}?sortDirection=desc&perPage=1&includeCustomNodes=true`)).body.customNodes,
    expected: [],
  },
  'custom-nodes-versions-empty': {
    observe: async (t) =>
      idsOf({ items: (await t.get(`${FLOWS}/version?version=v1&includeCustomNodes=true`)).body.customNodes }),
    expected: ['5a0000000000000000000006'],
  },
  'custom-nodes-when-false': {
    observe: async (t) => 'customNodes' in (await t.get(`${FLOWS}?includeCustomNodes=false`)).body,
    expected: false,
  },
  'ties-by-creation-order': {
    observe: async (t) => {
      for (let index = 0; index < 8; index += 1) await t.post(FLOWS, { name: 'tie' });
      const ids = idsOf((await t.get(`${FLOWS}?filterField=name&filter=tie`)).body);
      return ids.join() === [...ids].sort().join();
    },
    expected: true,
  },
  'post-400-still-stores': {
    observe: async (t) => {
      await t.post(FLOWS, { name: 'stored anyway', unknownKey: true });
      return namesOf((await t.get(`${FLOWS}?filterField=name&filter=stored anyway`)).body);
    },
    expected: [],
  },
  'duplicate-query-crashes': {
    observe: (t) => statusOf(t.get(`${FLOWS}?perPage=1&perPage=2`)),
    expected: 400,
  },
  'filter-ignored': {
    observe: async (t) => namesOf((await t.get(`${FLOWS}?filterField=name&filter=Gamma`)).body).length,
    expected: 1,
  },
  'filter-field-defaults-to-name': {
    observe: async (t) => namesOf((await t.get(`${FLOWS}?filter=Gamma`)).body).length,
    expected: 4,
  },
  'query-names-case-insensitive': {
    observe: async (t) => namesOf((await t.get(`${FLOWS}?PerPage=1`)).body).length,
    expected: 4,
  },
  'name-max-length-refused': {
    observe: (t) => statusOf(t.post(FLOWS, { name: 'n'.repeat(255) })),
    expected: 201,
  },
  'trigger-filter-dot-crashes': {
    observe: (t) => statusOf(t.get(`${FLOWS}?triggerFilter[0][key]=a.b`)),
    expected: 200,
  },
  'deep-config-crashes': {
    observe: (t) => {
      let config: Record<string, unknown> = {};
      for (let depth = 0; depth < 20; depth += 1) config = { inner: config };
      return statusOf(t.post(FLOWS, { name: 'deep', nodes: [{ type: 'DebugNode', config }] }));
    },
    expected: 201,
  },
  'emoji-description-truncated': {
    observe: async (t) =>
      (await t.post(FLOWS, { name: 'emoji', description: 'ok \u{1F642}' })).body.description,
    expected: 'ok \u{1F642}',
  },
};

describe('mock: faults (src/mock/faults.ts)', () => {
  it('every fault has a probe', () => {
    expect(Object.keys(PROBES).sort()).to.deep.equal([...FAULT_NAMES].sort());
  });

  for (const fault of FAULT_NAMES) {
    it(`${fault}: the correct mock gives the expected observation, the faulty one does not`, async () => {
      const { observe, expected } = PROBES[fault];
      const clean = await seeded();
      const faulty = await seeded([fault]);
      try {
        expect(await observe(clean), 'correct mock').to.deep.equal(expected);
        expect(await observe(faulty), `mock with ${fault}`).not.to.deep.equal(expected);
      } finally {
        await Promise.all([clean.close(), faulty.close()]);
      }
    });
  }

  it('an unknown fault name is refused', async () => {
    let failure: unknown;
    try {
      await seeded(['no-such-fault' as FaultName]);
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.include('no-such-fault');
  });
});
