import { expect } from 'chai';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { ACTIONS, type ActionId, type SchemaName } from '../../specs/catalog';
import { validatorFor } from '../../src/schemas/registry';
import { ADMIN, APP, FLOWS, OTHER_APP, UNKNOWN_APP, startMock, type TestMock } from './helpers';

/** How the other-choices variant writes ids and date-times (src/mock/other-choices.ts). */
const UPPER_ID = /^[0-9A-F]{24}$/;
const WHOLE_SECOND_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/;
const ID_KEYS = new Set([
  'id',
  'flowId',
  'flowVersionId',
  'applicationId',
  'defaultVersionId',
  'apiTokenId',
  'userId',
]);
const DATE_KEYS = new Set(['creationDate', 'lastUpdated', 'expirationDate']);
const REFERENCE_ERROR_TYPES = new Set([
  'BadRequest',
  'Validation',
  'Unauthorized',
  'Forbidden',
  'NotFound',
  'MethodNotAllowed',
  'PayloadTooLarge',
  'UnsupportedMediaType',
]);

/**
 * What in a raw body text the variant would not write: an object whose keys are not in code-unit order,
 * an id not upper-case, a date-time not `+00:00` whole seconds. Ids inside `nodes` are the client's.
 */
function variantProblems(text: string): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${at}/${index}`));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.join() !== [...keys].sort().join()) problems.push(`${at || '/'}: keys ${keys.join(', ')}`);
    for (const key of keys) {
      const field = record[key];
      if (typeof field === 'string' && ID_KEYS.has(key) && !at.includes('/nodes') && !UPPER_ID.test(field))
        problems.push(`${at}/${key}: ${field}`);
      if (typeof field === 'string' && DATE_KEYS.has(key) && !WHOLE_SECOND_UTC.test(field))
        problems.push(`${at}/${key}: ${field}`);
      visit(field, `${at}/${key}`);
    }
  };
  visit(JSON.parse(text), '');
  return problems;
}

const schemaOf = (actionId: ActionId, status: number): SchemaName => {
  const response = ACTIONS.find((action) => action.id === actionId)?.responses.find(
    (r) => r.status === status,
  );
  if (!response) throw new Error(`the catalog has no ${status} for ${actionId}`);
  return response.schema;
};

/** The answer is written as the variant writes and is valid against its schema. */
function expectVariantBody(response: request.Response, schema: SchemaName): void {
  expect(variantProblems(response.text), response.text.slice(0, 300)).to.deep.equal([]);
  expect(validatorFor(schema)(response.body), response.text.slice(0, 300)).to.deep.equal([]);
}

const customNodeFlow = { name: 'Custom', flowClass: 'customNode', triggers: [], nodes: [] };

describe('mock: the other-choices variant (a correct server built otherwise)', () => {
  let t: TestMock;
  before(async () => {
    t = await startMock({ variant: 'other-choices' });
  });
  after(() => t.close());

  it('Post, Get and Get by Version: sorted keys, +00:00 whole-second dates, upper-case ids, valid bodies', async () => {
    const custom = await t.post(FLOWS, customNodeFlow).expect(201);
    expectVariantBody(custom, schemaOf('flows.post', 201));
    const customId = custom.body.id as string;
    // A custom node named by a lower-case id is found all the same: ids compare case-insensitively.
    const posted = await t
      .post(`${FLOWS}?includeCustomNodes=true`, {
        name: 'Uses custom',
        triggers: [{ type: 'timer', config: { seconds: 60 } }],
        nodes: [{ id: 'n1', type: 'CustomNodeNode', config: { flowId: customId.toLowerCase() } }],
      })
      .expect(201);
    expectVariantBody(posted, schemaOf('flows.post', 201));
    expect(posted.body.customNodes.map((flow: { id: string }) => flow.id)).to.deep.equal([customId]);
    expect(posted.text).to.match(/^\{"applicationId":"575EC8687AE143CD83DC4A97","creationDate":/);

    const page = await t.get(`${FLOWS}?includeCustomNodes=true&sortField=creationDate`).expect(200);
    expectVariantBody(page, schemaOf('flows.get', 200));
    expect(Object.keys(page.body as object)).to.deep.equal([
      'applicationId',
      'count',
      'customNodes',
      'flowClass',
      'items',
      'page',
      'perPage',
      'sortDirection',
      'sortField',
      'totalCount',
    ]);
    expect(page.body.customNodes.map((flow: { id: string }) => flow.id)).to.deep.equal([customId]);
  });

  it('Import: id maps from each given id to a fresh upper-case id; flowId and defaultVersionId follow them', async () => {
    const bundle = {
      flows: [
        {
          id: '5a00000000000000000000aa',
          name: 'Imported',
          triggers: [{ type: 'timer' }],
          defaultVersionId: '5c00000000000000000000bb',
          creationDate: '2001-01-01T00:00:00.123Z',
          stats: { runCount: 9 },
        },
      ],
      flowVersions: [
        {
          id: '5c00000000000000000000bb',
          flowId: '5a00000000000000000000aa',
          version: 'v1',
          triggers: [{ type: 'webhook', key: 'k1' }],
          nodes: [],
        },
      ],
    };
    const imported = await t.post(`${FLOWS}/import`, bundle).expect(201);
    expectVariantBody(imported, schemaOf('flows.import', 201));
    expect(imported.text).to.match(/^\{"flowVersions":\[.*\],"flows":\[.*\],"importedFlowIdMap":/);
    const { flows, flowVersions, importedFlowIdMap, importedVersionIdMap } = imported.body;
    expect(Object.keys(importedFlowIdMap as object)).to.deep.equal(['5a00000000000000000000aa']);
    expect(importedFlowIdMap['5a00000000000000000000aa']).to.match(UPPER_ID).and.equal(flows[0].id);
    expect(importedVersionIdMap['5c00000000000000000000bb']).to.match(UPPER_ID).and.equal(flowVersions[0].id);
    expect(flowVersions[0].flowId).to.equal(flows[0].id);
    expect(flows[0].defaultVersionId).to.equal(flowVersions[0].id);
    // Read-only keys are ignored (decision 14): the dates are the import's, not the given ones.
    expect(flows[0].creationDate).not.to.match(/^2001/);
    expect(flows[0].stats).to.deep.equal({ errorCount: 0, runCount: 0 });

    // triggerFilter reads the default version (decision 8), found under its upper-case id.
    const byDefault = await t
      .get(`${FLOWS}?triggerFilter[0][type]=webhook&triggerFilter[0][key]=k1`)
      .expect(200);
    expect(byDefault.body.items.map((flow: { id: string }) => flow.id)).to.deep.equal([flows[0].id]);
    const versions = await t.get(`${FLOWS}/version?version=v1`).expect(200);
    expectVariantBody(versions, schemaOf('flows.getByVersion', 200));
    expect(versions.body.items.map((version: { id: string }) => version.id)).to.deep.equal([
      flowVersions[0].id,
    ]);
  });

  it('ids are accepted in any case: the path application id, a flow to delete, a token to revoke', async () => {
    expect((await t.get(`/applications/${APP.toUpperCase()}/flows`)).status).to.equal(200);
    const created = await t.post(FLOWS, { name: 'Doomed', triggers: [], nodes: [] }).expect(201);
    await t.del(`${FLOWS}/${(created.body.id as string).toLowerCase()}`).expect(200);
    const left = await t.get(`${FLOWS}?filterField=name&filter=Doomed`).expect(200);
    expect(left.body.totalCount).to.equal(0);

    const token = await t
      .post(`/applications/${APP}/tokens`, { name: 'x', scope: ['flows.get'] })
      .expect(201);
    await t.del(`/applications/${APP}/tokens/${(token.body.id as string).toLowerCase()}`).expect(200);
    expect((await t.get(FLOWS, token.body.token as string)).status).to.equal(401);
  });

  it('token answers: sorted keys, +00:00 whole-second dates, upper-case ids, valid bodies', async () => {
    const minted = await t
      .post(`/applications/${APP}/tokens`, {
        name: 'dated',
        scope: ['flows.get'],
        expirationDate: '2099-01-01T00:00:00.500Z',
      })
      .expect(201);
    expectVariantBody(minted, 'apiToken');
    expect(minted.body.expirationDate).to.equal('2099-01-01T00:00:00+00:00');
    const user = await request(t.mock.server)
      .post('/auth/user')
      .send({ email: 'conformance@flows-conformance.dev', password: 'flows-conformance-password' })
      .expect(200);
    expectVariantBody(user, 'authenticatedUser');
    const mockOnly = await t.post('/mock-only/tokens', { applicationId: APP, scope: ['x'] }).expect(201);
    expect(variantProblems(mockOnly.text)).to.deep.equal([]);
  });

  it('headers: x-request-id, cache-control: no-store, JSON content types with and without charset', async () => {
    const ok = await t.get(FLOWS).expect(200);
    const failed = await t.get(`/applications/${UNKNOWN_APP}/flows`).expect(404);
    expect(ok.headers['content-type']).to.equal('application/json; charset=UTF-8');
    expect(failed.headers['content-type']).to.equal('application/json');
    for (const response of [ok, failed]) {
      expect(response.headers['cache-control']).to.equal('no-store');
      expect(response.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
    }
    expect(ok.headers['x-request-id']).not.to.equal(failed.headers['x-request-id']);
  });

  it('401 challenges with parameters (RFC 6750): a realm, and an error code once a token was sent', async () => {
    const challenge = async (authorization?: string) => {
      const pending = request(t.mock.server).get(FLOWS);
      const response = await (authorization === undefined
        ? pending
        : pending.set('Authorization', authorization));
      expect(response.status).to.equal(401);
      return response.headers['www-authenticate'] as string;
    };
    expect(await challenge()).to.equal('Bearer realm="flows"');
    expect(await challenge('Bearer nope')).to.equal('Bearer realm="flows", error="invalid_token"');
    expect(await challenge('Basic abc')).to.equal('Bearer realm="flows", error="invalid_request"');
  });

  it('a request that never reaches a route (431) gets the variant’s Error body', async () => {
    const url = await t.mock.listen(0);
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${url}${FLOWS}`, { headers: { 'x-big': 'x'.repeat(20_000) } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).to.equal(431);
    expect(body).to.equal('{"message":"The request headers are too large.","type":"HeadersTooLargeError"}');
  });
});

describe('mock: the other-choices variant words errors otherwise, with the reference’s statuses', () => {
  let reference: TestMock;
  let variant: TestMock;
  before(async () => {
    [reference, variant] = await Promise.all([startMock(), startMock({ variant: 'other-choices' })]);
  });
  after(() => Promise.all([reference.close(), variant.close()]));

  const json = (mock: TestMock, text: string, type = 'application/json') =>
    request(mock.mock.server)
      .post(FLOWS)
      .set('Authorization', `Bearer ${ADMIN}`)
      .set('Content-Type', type)
      .send(text);
  const REQUESTS: readonly [string, (mock: TestMock) => request.Test][] = [
    ['invalid query value', (m) => m.get(`${FLOWS}?sortField=bogus`)],
    ['body that is not JSON', (m) => json(m, '{"name":')],
    ['body the schema refuses', (m) => m.post(FLOWS, { name: '' })],
    ['no token', (m) => m.get(FLOWS, '')],
    ['unknown token', (m) => m.get(FLOWS, 'nope')],
    ['token without an accepted scope', (m) => m.get(FLOWS, m.mock.tokenFor(['devices.get']))],
    [
      'token of another application',
      (m) => m.get(`/applications/${OTHER_APP}/flows`, m.mock.tokenFor(['flows.get'], APP)),
    ],
    ['unknown application', (m) => m.get(`/applications/${UNKNOWN_APP}/flows`)],
    ['unknown route', (m) => m.get('/nothing/here')],
    ['wrong method', (m) => request(m.mock.server).put(FLOWS)],
    [
      'body over the limit',
      (m) => json(m, JSON.stringify({ name: 'x', description: 'y'.repeat(1_100_000) })),
    ],
    ['body that is not JSON by type', (m) => json(m, 'name=x', 'text/plain')],
  ];

  for (const [name, send] of REQUESTS)
    it(`${name}: same status, a valid Error body of another type and message (NotFound kept)`, async () => {
      const [expected, got] = await Promise.all([send(reference), send(variant)]);
      expect(got.status).to.equal(expected.status).and.be.within(400, 499);
      expect(REFERENCE_ERROR_TYPES.has(expected.body.type as string), expected.body.type).to.equal(true);
      expect(validatorFor('error')(got.body)).to.deep.equal([]);
      expect(variantProblems(got.text)).to.deep.equal([]);
      expect(got.body.message).not.to.equal(expected.body.message);
      if (got.status === 404) expect(got.body.type).to.equal('NotFound');
      else expect(REFERENCE_ERROR_TYPES.has(got.body.type as string), got.body.type).to.equal(false);
    });
});

describe('mock: dates of the other-choices variant sort correctly', () => {
  let t: TestMock;
  const flow = (id: string, creationDate: string) => ({ id, name: `f${id.slice(-2)}`, creationDate });
  before(async () => {
    // Three flows in one second (whole seconds tie them), given in descending id order, and one later.
    t = await startMock({
      variant: 'other-choices',
      seed: {
        flows: [
          flow('5a0000000000000000000003', '2020-01-01T00:00:00.100Z'),
          flow('5a0000000000000000000002', '2020-01-01T00:00:00.900Z'),
          flow('5a0000000000000000000001', '2020-01-01T00:00:00.500Z'),
          flow('5a0000000000000000000000', '2020-01-01T00:00:01.000Z'),
        ],
      },
    });
  });
  after(() => t.close());

  const idsSortedBy = async (query: string) =>
    ((await t.get(`${FLOWS}?${query}`).expect(200)).body.items as { id: string }[]).map((item) =>
      item.id.slice(-2),
    );

  it('a seed’s dates are kept as whole-second +00:00 instants, its ids in upper case', async () => {
    const { body } = await t.get(`${FLOWS}?sortField=id`).expect(200);
    expect(body.items[0]).to.include({
      id: '5A0000000000000000000000',
      creationDate: '2020-01-01T00:00:01+00:00',
    });
    expect(body.items[1].creationDate).to.equal('2020-01-01T00:00:00+00:00');
  });

  it('sortField=creationDate: by instant, ties by id ascending in both directions (decision 5)', async () => {
    expect(await idsSortedBy('sortField=creationDate')).to.deep.equal(['01', '02', '03', '00']);
    expect(await idsSortedBy('sortField=creationDate&sortDirection=desc')).to.deep.equal([
      '00',
      '01',
      '02',
      '03',
    ]);
  });
});

describe('mock: 405 with Allow for a wrong method, in both variants', () => {
  for (const variant of ['reference', 'other-choices'] as const)
    it(`${variant}: a route's other methods get 405, an Allow header and an Error body, before authentication`, async () => {
      const t = await startMock({ variant });
      try {
        const cases: readonly [string, string, string][] = [
          ['PUT', FLOWS, 'GET, HEAD, POST'],
          ['DELETE', FLOWS, 'GET, HEAD, POST'],
          ['PATCH', FLOWS, 'GET, HEAD, POST'],
          ['POST', `${FLOWS}/version`, 'GET, HEAD'],
          ['DELETE', `${FLOWS}/version`, 'GET, HEAD'],
          ['GET', `${FLOWS}/import`, 'POST'],
          ['GET', `${FLOWS}/5a0000000000000000000001`, 'DELETE'],
          ['GET', '/auth/user', 'POST'],
        ];
        for (const [method, url, allow] of cases) {
          const response = await request(t.mock.server)[method.toLowerCase() as 'put'](url);
          expect(response.status, `${method} ${url}`).to.equal(405);
          expect(response.headers.allow, `${method} ${url}`).to.equal(allow);
          expect(validatorFor('error')(response.body)).to.deep.equal([]);
        }
      } finally {
        await t.close();
      }
    });
});

describe('mock: the reference variant is the default and unchanged', () => {
  it('lower-case ids, millisecond Z dates, the reference’s key order and content type', async () => {
    const t = await startMock();
    try {
      const posted = await t.post(FLOWS, { name: 'Plain', triggers: [], nodes: [] }).expect(201);
      expect(posted.text).to.match(
        /^\{"id":"[0-9a-f]{24}","flowId":"[0-9a-f]{24}","applicationId":"575ec8687ae143cd83dc4a97"/,
      );
      expect(posted.body.creationDate).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(posted.headers['content-type']).to.equal('application/json; charset=utf-8');
      expect(posted.headers['x-request-id']).to.equal(undefined);
      const page = await t.get(FLOWS).expect(200);
      expect(page.text).to.match(/^\{"count":1,"totalCount":1,"perPage":/);
      const failed = await t.get(FLOWS, '').expect(401);
      expect(failed.headers['www-authenticate']).to.equal('Bearer');
      expect(failed.body).to.deep.equal({ type: 'Unauthorized', message: 'Authorization header is missing' });
    } finally {
      await t.close();
    }
  });
});
