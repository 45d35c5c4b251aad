import { expect } from 'chai';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { validatorFor } from '../../src/schemas/registry';
import { ADMIN, APP, FLOWS, startMock, type TestMock } from './helpers';

const isErrorBody = (response: request.Response) => {
  expect(response.headers['content-type']).to.match(/^application\/json/);
  expect(validatorFor('error')(response.body)).to.deep.equal([]);
  expect(response.text).not.to.match(/\bat .*\(.*:\d+:\d+\)/);
};

describe('mock: bad input never crashes it (P2)', () => {
  let t: TestMock;
  before(async () => {
    t = await startMock({ bodyLimitBytes: 64 * 1024 });
  });
  after(() => t.close());

  const raw = (body: string, contentType = 'application/json') =>
    request(t.mock.server)
      .post(FLOWS)
      .set('Authorization', `Bearer ${ADMIN}`)
      .set('Content-Type', contentType)
      .send(body);
  const flowCount = () => t.mock.store.application(APP)?.flows.size ?? 0;

  const cases: [string, () => Promise<request.Response>, number[]][] = [
    ['malformed JSON', () => raw('{"name": '), [400]],
    ['an empty JSON body', () => raw(''), [400]],
    ['a JSON string body', () => raw('"just a string"'), [400]],
    ['text/plain', () => raw('name=x', 'text/plain'), [415]],
    ['form encoding', () => raw('name=x', 'application/x-www-form-urlencoded'), [415]],
    [
      'a body over the limit',
      () => raw(JSON.stringify({ name: 'x', description: 'y'.repeat(70 * 1024) })),
      [413],
    ],
    ['deep nesting', () => raw(`{"name":"x","nodes":${'['.repeat(5000)}${']'.repeat(5000)}}`), [400]],
    ['a __proto__ key', () => raw('{"name":"x","__proto__":{"admin":true}}'), [400]],
    ['an escaped __proto__ key', () => raw('{"name":"x","\\u005f_proto__":{"admin":true}}'), [400]],
    [
      'a nested __proto__ key',
      () => raw('{"name":"x","nodes":[{"type":"a","config":{"__proto__":{}}}]}'),
      [400],
    ],
    [
      'no body and no content type',
      () => request(t.mock.server).post(FLOWS).set('Authorization', `Bearer ${ADMIN}`),
      [400],
    ],
  ];
  for (const [name, send, statuses] of cases) {
    it(`${name}: ${statuses.join('/')} with an Error body, nothing created`, async () => {
      const before = flowCount();
      const response = await send();
      expect(response.status).to.be.oneOf(statuses);
      isErrorBody(response);
      expect(flowCount()).to.equal(before);
    });
  }

  it('a refused token is 401 before the body is even read', async () => {
    const response = await request(t.mock.server)
      .post(FLOWS)
      .set('Content-Type', 'application/json')
      .send('{oops');
    expect(response.status).to.equal(401);
  });

  it('Content-Type: application/json without a body is fine where no body is needed (DELETE)', async () => {
    const created = await t.post(FLOWS, { name: 'to delete' });
    const response = await request(t.mock.server)
      .delete(`${FLOWS}/${created.body.id}`)
      .set('Authorization', `Bearer ${ADMIN}`)
      .set('Content-Type', 'application/json')
      .set('Accept', 'application/json');
    expect(response.status).to.equal(200);
  });

  it('application/json with a charset and Accept are fine', async () => {
    const response = await raw('{"name":"charset"}', 'application/json; charset=utf-8').set(
      'Accept',
      'application/json',
    );
    expect(response.status).to.equal(201);
  });

  it('an unknown route is a 404 Error body', async () => {
    const response = await request(t.mock.server).get('/nothing/here');
    expect(response.status).to.equal(404);
    isErrorBody(response);
  });

  it('an absurdly long query string gets a 4xx Error body', async () => {
    const url = await t.mock.listen(0);
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        `${url}${FLOWS}?filter=${'x'.repeat(70_000)}`,
        { headers: { Authorization: `Bearer ${ADMIN}` } },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).to.be.within(400, 499);
    expect(validatorFor('error')(JSON.parse(body))).to.deep.equal([]);
    // Still serving after that.
    expect((await t.get(FLOWS)).status).to.equal(200);
  });
});
