import { expect } from 'chai';
import {
  createMockServer,
  MOCK_APPLICATION_ID,
  MOCK_OTHER_APPLICATION_ID,
  MOCK_USER,
  type MockServer,
} from '../../src/mock';
import { createFetchTransport } from '../../src/http/fetch-transport';
import { createInProcessTransport } from '../../src/http/in-process-transport';
import type { Transport } from '../../src/http/transport';
import { createTokenProvider, TokenUnavailable } from '../../src/target/credentials';

describe('target: tokens per scope', () => {
  let mock: MockServer;
  let transport: Transport;
  const admin = 'admin-token-for-credential-tests';
  const flows = (token: string) =>
    transport.send({
      method: 'GET',
      path: `/applications/${MOCK_APPLICATION_ID}/flows`,
      headers: { authorization: `Bearer ${token}` },
    });

  before(async () => {
    mock = await createMockServer({ adminToken: admin });
    transport = createFetchTransport({
      baseUrl: await mock.listen(0, '127.0.0.1'),
      timeoutMs: 5000,
      concurrency: 4,
    });
  });
  after(async () => {
    await transport.close();
    await mock.close();
  });

  it('mints a token per scope through the tokens endpoint, cached, and revokes them at the end', async () => {
    const tokens = createTokenProvider({ transport, applicationId: MOCK_APPLICATION_ID, adminToken: admin });
    const token = await tokens.tokenFor('flows.get');
    expect(await tokens.tokenFor('flows.get')).to.equal(token);
    expect((await flows(token)).status).to.equal(200);
    await tokens.revokeMinted();
    expect((await flows(token)).status).to.equal(401);
  });

  it('user-only scopes: from the tokens file, the user login, the mock-only route, or unavailable', async () => {
    const plain = createTokenProvider({ transport, applicationId: MOCK_APPLICATION_ID, adminToken: admin });
    await plain.tokenFor('all.Organization').then(
      () => expect.fail('minted a user-only scope'),
      (error: unknown) =>
        expect(error)
          .to.be.instanceOf(TokenUnavailable)
          .with.property('message')
          .that.includes('decision 15'),
    );
    const fromFile = createTokenProvider({
      transport,
      applicationId: MOCK_APPLICATION_ID,
      tokens: { 'all.Organization': 'given' },
    });
    expect(await fromFile.tokenFor('all.Organization')).to.equal('given');
    const mockOnly = createTokenProvider({
      transport,
      applicationId: MOCK_APPLICATION_ID,
      adminToken: admin,
      mockOnlyTokens: true,
    });
    expect((await flows(await mockOnly.tokenFor('all.Organization.read'))).status).to.equal(200);
    const user = createTokenProvider({
      transport,
      applicationId: MOCK_APPLICATION_ID,
      userEmail: MOCK_USER.email,
      userPassword: MOCK_USER.password,
    });
    expect((await flows(await user.tokenFor('all.User'))).status).to.equal(200);
  });

  it('a revoked token and a token of another application are refused', async () => {
    const tokens = createTokenProvider({
      transport,
      applicationId: MOCK_APPLICATION_ID,
      otherApplicationId: MOCK_OTHER_APPLICATION_ID,
      adminToken: admin,
    });
    expect((await flows(await tokens.revokedToken('flows.get'))).status).to.equal(401);
    expect((await flows(await tokens.expiredToken('flows.get'))).status).to.equal(401);
    expect((await flows(await tokens.otherApplicationToken('flows.*'))).status).to.equal(403);
    const none = createTokenProvider({ transport, applicationId: MOCK_APPLICATION_ID, adminToken: admin });
    await none.otherApplicationToken('flows.*').then(
      () => expect.fail('no second application was given'),
      (error: unknown) => expect(error).to.be.instanceOf(TokenUnavailable),
    );
  });

  /** The reason a TokenUnavailable gives: what a skipped case reports. */
  const reason = (promise: Promise<unknown>): Promise<string> =>
    promise.then(
      () => expect.fail('got a token'),
      (error: unknown) => {
        expect(error).to.be.instanceOf(TokenUnavailable);
        return (error as Error).message;
      },
    );

  it('skip reasons name every way to get the token', async () => {
    const plain = createTokenProvider({ transport, applicationId: MOCK_APPLICATION_ID, adminToken: admin });
    expect(await plain.tokenFor('all.User'), 'the admin token is a user token').to.equal(admin);
    expect(await reason(plain.tokenFor('all.User.read'))).to.equal(
      'the tokens endpoint cannot mint all.User.read (decision 15 of docs/reference-decisions.md): give it in --tokens FILE, ' +
        'or against a flows-conformance mock use --mock-only-tokens',
    );
    expect(await reason(plain.tokenFor('all.Organization'))).to.not.contain('--user-email');
    const fileOnly = createTokenProvider({
      transport,
      applicationId: MOCK_APPLICATION_ID,
      otherApplicationId: MOCK_OTHER_APPLICATION_ID,
      tokens: { 'flows.*': await plain.tokenFor('flows.*') },
    });
    expect(await reason(fileOnly.tokenFor('flows.get'))).to.match(
      /^no token for flows\.get in the tokens file, and no admin token or user login \(--admin-token, --user-email/,
    );
    expect(await reason(fileOnly.revokedToken('flows.get'))).to.match(/to mint a token and revoke it$/);
    expect(await reason(fileOnly.otherApplicationToken('flows.get'))).to.match(
      /a tokens file holds tokens of --application-id only/,
    );
    await plain.revokeMinted();
  });

  it('the mock-only route: a non-user token, or a server without the route, says so', async () => {
    const appToken = await createTokenProvider({
      transport,
      applicationId: MOCK_APPLICATION_ID,
      adminToken: admin,
    }).tokenFor('flows.*');
    const notUser = createTokenProvider({
      transport,
      applicationId: MOCK_APPLICATION_ID,
      tokens: { 'flows.*': appToken },
      mockOnlyTokens: true,
    });
    expect(await reason(notUser.tokenFor('all.Organization'))).to.match(
      /answered 403: the mock-only route needs a user token/,
    );
    const noRoute: Transport = {
      baseUrl: transport.baseUrl,
      close: () => Promise.resolve(),
      send: (request) =>
        request.path === '/mock-only/tokens'
          ? Promise.resolve({ status: 404, headers: {}, text: '{}', json: { ok: true, value: {} } } as never)
          : transport.send(request),
    };
    const realServer = createTokenProvider({
      transport: noRoute,
      applicationId: MOCK_APPLICATION_ID,
      adminToken: admin,
      mockOnlyTokens: true,
    });
    expect(await reason(realServer.tokenFor('all.Organization'))).to.match(
      /answered 404: --mock-only-tokens works only against a flows-conformance mock/,
    );
  });

  it('the in-process transport answers as the fetch one does', async () => {
    const inProcess = createInProcessTransport(mock.server, 5000);
    const response = await inProcess.send({
      method: 'GET',
      path: `/applications/${MOCK_APPLICATION_ID}/flows`,
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).to.equal(200);
    expect(response.json.ok).to.equal(true);
  });
});
