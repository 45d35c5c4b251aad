import { expect } from 'chai';
import { APPLICATION_HAS_FLOWS } from '../../specs/catalog/provider-states';
import { createProviderStates } from '../../src/pact/state-handlers';
import { startTargetRelay, type TargetRelay } from '../../src/pact/target-relay';
import type { TokenProvider } from '../../src/target';
import { startRecordingServer, type RecordingServer } from './support/recording-server';

const APPLICATION_ID = '575ec8687ae143cd83dc4a97';
const tokens = { tokenFor: () => Promise.resolve('setup-token-0123') } as unknown as TokenProvider;

describe('verify follows no redirect to another host', () => {
  let elsewhere: RecordingServer;
  let redirecting: RecordingServer;

  beforeEach(async () => {
    elsewhere = await startRecordingServer((_request, response) => {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end('{"flows":[],"importedFlowIdMap":{}}');
    });
    redirecting = await startRecordingServer((request, response) => {
      response.writeHead(307, { location: `${elsewhere.url}${request.path}?from=redirect` });
      response.end();
    });
  });
  afterEach(async () => {
    await redirecting.close();
    await elsewhere.close();
  });

  it('a plain fetch would re-send the body (and the loopback pair can see it)', async () => {
    const response = await fetch(`${redirecting.url}/applications/${APPLICATION_ID}/flows/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"flows":[]}',
    });
    expect(response.status).to.equal(201);
    expect(elsewhere.received.map((request) => request.body)).to.deep.equal(['{"flows":[]}']);
  });

  it('the state set-up client treats a 3xx as a failed set-up with a one-line reason, re-sending nothing', async () => {
    const { stateHandlers, stateErrors } = createProviderStates({
      baseUrl: redirecting.url,
      applicationId: APPLICATION_ID,
      tokens,
    });
    await stateHandlers[APPLICATION_HAS_FLOWS.name]({ applicationId: APPLICATION_ID });
    expect(redirecting.received.map((request) => request.method)).to.deep.equal(['POST']);
    expect(elsewhere.received).to.deep.equal([]);
    const reason = stateErrors.get(APPLICATION_HAS_FLOWS.name) ?? '';
    expect(reason).to.equal(
      `POST /applications/${APPLICATION_ID}/flows/import answered 307 redirecting to ` +
        `${elsewhere.url}/applications/${APPLICATION_ID}/flows/import; verify follows no redirect`,
    );
  });

  describe("the relay in front of Pact's verifier", () => {
    let relay: TargetRelay;
    beforeEach(async () => (relay = await startTargetRelay(redirecting.url, 5_000)));
    afterEach(() => relay.close());

    it('passes a 3xx back without its Location, so that a following client stays, and records it', async () => {
      const response = await fetch(`${relay.baseUrl}/applications/${APPLICATION_ID}/flows`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer secret-0123' },
        body: '{"name":"x"}',
      });
      expect(response.status).to.equal(307);
      expect(response.headers.get('location')).to.equal(null);
      expect(elsewhere.received).to.deep.equal([]);
      expect(redirecting.received.map((request) => request.body)).to.deep.equal(['{"name":"x"}']);
      expect(relay.log().refusedRedirects).to.deep.equal([
        `POST /applications/${APPLICATION_ID}/flows answered 307 to ${elsewhere.url}/applications/${APPLICATION_ID}/flows`,
      ]);
    });
  });
});
