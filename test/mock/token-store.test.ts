import { expect } from 'chai';
import request from 'supertest';
import { createMockServer, MOCK_USER } from '../../src/mock';
import { MAX_TOKENS, MockStore } from '../../src/mock/store';

const grant = (expiresAt?: number) => ({
  userId: 'user',
  applicationId: null,
  scope: ['all.User'],
  ...(expiresAt !== undefined && { expiresAt }),
});

describe('mock: the token store is bounded (issue 20)', () => {
  it('past its cap, forgets revoked and expired tokens first, then the oldest; never the admin token', () => {
    const store = new MockStore('user', undefined, 10);
    const admin = store.issueToken(grant(), 'admin-secret');
    const revoked = store.issueToken(grant());
    revoked.revoked = true;
    const expired = store.issueToken(grant(1));
    const live = Array.from({ length: 7 }, () => store.issueToken(grant()));
    expect(store.tokenCount).to.equal(10);
    const newest = store.issueToken(grant());
    // The dead two went, which was room enough: every live token is kept.
    expect(store.tokenCount).to.equal(9);
    expect(store.tokenBySecret(revoked.secret)).to.equal(undefined);
    expect(store.tokenBySecret(expired.secret)).to.equal(undefined);
    expect(store.tokenById(expired.id)).to.equal(undefined);
    for (const kept of [admin, ...live, newest]) expect(store.tokenBySecret(kept.secret)).to.equal(kept);
    // At the cap again with none dead: the oldest live token (not the admin token) goes.
    store.issueToken(grant());
    store.issueToken(grant());
    expect(store.tokenBySecret(live[0].secret)).to.equal(undefined);
    expect(store.tokenBySecret(live[1].secret)).to.equal(live[1]);
    for (let index = 0; index < 100; index += 1) store.issueToken(grant());
    expect(store.tokenCount).to.be.at.most(10);
    expect(store.usableToken('admin-secret')).to.equal(admin);
  });

  it(`${MAX_TOKENS + 500} logins hold at most ${MAX_TOKENS} tokens, and the admin token still works`, async () => {
    const mock = await createMockServer({ adminToken: 'token-store-admin' });
    try {
      const login = () =>
        mock.fastify.inject({
          method: 'POST',
          url: '/auth/user',
          payload: { email: MOCK_USER.email, password: MOCK_USER.password },
        });
      for (let index = 0; index < MAX_TOKENS + 500; index += 1)
        expect((await login()).statusCode).to.equal(200);
      expect(mock.store.tokenCount).to.be.at.most(MAX_TOKENS);
      const latest = (await login()).json<{ token: string }>().token;
      for (const token of ['token-store-admin', latest])
        await request(mock.server)
          .get('/applications/575ec8687ae143cd83dc4a97/flows')
          .set('Authorization', `Bearer ${token}`)
          .expect(200);
    } finally {
      await mock.close();
    }
  });
});
