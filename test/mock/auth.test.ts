import { expect } from 'chai';
import request from 'supertest';
import { ACTIONS, APPLICATION_TOKEN_SCOPES, UNRELATED_SCOPE, USER_ONLY_SCOPES } from '../../specs/catalog';
import { MOCK_ONLY_TOKEN_ROUTE, MOCK_USER } from '../../src/mock';
import { validatorFor } from '../../src/schemas/registry';
import { ADMIN, APP, FLOWS, OTHER_APP, seeded, startMock, UNKNOWN_APP, type TestMock } from './helpers';
import { validRequest } from './requests';

const isError = (body: unknown) => expect(validatorFor('error')(body)).to.deep.equal([]);

describe('mock: authentication and authorization (decisions 1, 2, 15)', () => {
  let t: TestMock;
  before(async () => {
    t = await seeded();
  });
  after(() => t.close());

  for (const action of ACTIONS) {
    describe(action.id, () => {
      for (const scope of action.acceptedScopes) {
        it(`a token with only ${scope} is accepted`, async () => {
          const token = t.mock.tokenFor([scope], USER_ONLY_SCOPES.includes(scope as never) ? null : APP);
          const response = await validRequest(t.mock, action, APP).set('Authorization', `Bearer ${token}`);
          expect(response.status, response.text).to.be.oneOf([200, 201]);
        });
      }
      it('a token with only an unrelated scope gets 403 and an Error body', async () => {
        const token = t.mock.tokenFor([UNRELATED_SCOPE], APP);
        const response = await validRequest(t.mock, action, APP).set('Authorization', `Bearer ${token}`);
        expect(response.status).to.equal(403);
        isError(response.body);
      });
      const refusals: [string, (test: request.Test) => request.Test][] = [
        ['no Authorization header', (test) => test],
        ['a malformed header', (test) => test.set('Authorization', `Token ${ADMIN}`)],
        ['an unknown token', (test) => test.set('Authorization', 'Bearer not-a-token')],
      ];
      for (const [name, setHeader] of refusals) {
        it(`${name} gets 401, WWW-Authenticate: Bearer and an Error body`, async () => {
          const response = await setHeader(validRequest(t.mock, action, APP));
          expect(response.status).to.equal(401);
          expect(response.headers['www-authenticate']).to.equal('Bearer');
          isError(response.body);
        });
      }
      it('a token of another application gets 403 and nothing of that application', async () => {
        const token = t.mock.tokenFor(['all.Application'], APP);
        const response = await validRequest(t.mock, action, OTHER_APP).set(
          'Authorization',
          `Bearer ${token}`,
        );
        expect(response.status).to.equal(403);
        expect(response.text).not.to.include('Secret of B');
        isError(response.body);
      });
      it('an unknown well-formed application gets 404 NotFound', async () => {
        const response = await validRequest(t.mock, action, UNKNOWN_APP).set(
          'Authorization',
          `Bearer ${ADMIN}`,
        );
        expect(response.status).to.equal(404);
        expect(response.body.type).to.equal('NotFound');
      });
      it('a malformed application id gets 400', async () => {
        const response = await validRequest(t.mock, action, 'not-an-id').set(
          'Authorization',
          `Bearer ${ADMIN}`,
        );
        expect(response.status).to.equal(400);
        isError(response.body);
      });
    });
  }

  it('a revoked token gets 401', async () => {
    const created = await t.post(`/applications/${APP}/tokens`, { name: 'r', scope: ['flows.get'] });
    expect(created.status).to.equal(201);
    expect(validatorFor('apiToken')(created.body)).to.deep.equal([]);
    expect((await t.get(FLOWS, created.body.token)).status).to.equal(200);
    expect((await t.del(`/applications/${APP}/tokens/${created.body.id}`)).body).to.deep.equal({
      success: true,
    });
    const response = await t.get(FLOWS, created.body.token);
    expect(response.status).to.equal(401);
    expect(response.headers['www-authenticate']).to.equal('Bearer');
  });

  it('an expired token gets 401', async () => {
    const created = await t.post(`/applications/${APP}/tokens`, {
      name: 'e',
      scope: ['flows.get'],
      expirationDate: '2000-01-01T00:00:00.000Z',
    });
    expect(created.status).to.equal(201);
    expect((await t.get(FLOWS, created.body.token)).status).to.equal(401);
  });

  it('a token made by the tokens endpoint is bound to its application', async () => {
    const created = await t.post(`/applications/${APP}/tokens`, { name: 'b', scope: ['flows.*'] });
    const response = await t.get(`/applications/${OTHER_APP}/flows`, created.body.token);
    expect(response.status).to.equal(403);
    expect(response.text).not.to.include('Secret of B');
  });

  it('the tokens endpoint mints every scope of decision 15', async () => {
    const created = await t.post(`/applications/${APP}/tokens`, {
      name: 'all',
      scope: [...APPLICATION_TOKEN_SCOPES],
    });
    expect(created.status).to.equal(201);
    expect(created.body.scope).to.deep.equal([...APPLICATION_TOKEN_SCOPES]);
  });

  for (const scope of USER_ONLY_SCOPES) {
    it(`the tokens endpoint refuses ${scope} with 400 naming it`, async () => {
      const response = await t.post(`/applications/${APP}/tokens`, { name: 'u', scope: [scope] });
      expect(response.status).to.equal(400);
      expect(response.body.message).to.include(scope);
    });
  }

  it('a flows.get token cannot make tokens (403)', async () => {
    const token = t.mock.tokenFor(['flows.get'], APP);
    expect(
      (await t.post(`/applications/${APP}/tokens`, { name: 'x', scope: ['flows.get'] }, token)).status,
    ).to.equal(403);
  });

  it('POST /auth/user gives an all.User token for the documented credentials', async () => {
    const response = await request(t.mock.server)
      .post('/auth/user')
      .send({ email: MOCK_USER.email, password: MOCK_USER.password });
    expect(response.status).to.equal(200);
    expect(validatorFor('authenticatedUser')(response.body)).to.deep.equal([]);
    expect(response.body.userId).to.equal(MOCK_USER.userId);
    expect((await t.get(`/applications/${OTHER_APP}/flows`, response.body.token)).status).to.equal(200);
    expect((await t.post(FLOWS, { name: 'by user' }, response.body.token)).status).to.equal(201);
  });

  it('POST /auth/user refuses a wrong password with 401', async () => {
    const response = await request(t.mock.server)
      .post('/auth/user')
      .send({ email: MOCK_USER.email, password: 'nope' });
    expect(response.status).to.equal(401);
    isError(response.body);
  });

  it('the mock-only route gives an all.Organization token to a user token', async () => {
    const response = await t.post(MOCK_ONLY_TOKEN_ROUTE, { scope: ['all.Organization'] });
    expect(response.status).to.equal(201);
    expect((await t.get(FLOWS, response.body.token)).status).to.equal(200);
  });

  it('the mock-only route binds a token to an application when asked', async () => {
    const response = await t.post(MOCK_ONLY_TOKEN_ROUTE, {
      applicationId: APP,
      scope: ['all.Organization.read'],
    });
    expect((await t.get(`/applications/${OTHER_APP}/flows`, response.body.token)).status).to.equal(403);
  });

  it('the mock-only route refuses application tokens (403) and no token (401)', async () => {
    const token = t.mock.tokenFor(['all.Application'], APP);
    expect((await t.post(MOCK_ONLY_TOKEN_ROUTE, { scope: ['flows.get'] }, token)).status).to.equal(403);
    expect((await t.post(MOCK_ONLY_TOKEN_ROUTE, { scope: ['flows.get'] }, '')).status).to.equal(401);
  });

  it('without --admin-token there is no admin token', async () => {
    const bare = await startMock({ adminToken: undefined });
    try {
      expect((await bare.get(FLOWS)).status).to.equal(401);
    } finally {
      await bare.close();
    }
  });
});
