import { expect } from 'chai';
import { createMockServer, MOCK_APPLICATION_ID, MOCK_USER, type MockServer } from '../../src/mock';
import { validatorFor } from '../../src/schemas/registry';

// The official client, as users of the real API call it (a development dependency, untyped).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const losantRest = require('losant-rest') as {
  createClient(options: { url: string; accessToken?: string }): LosantClient;
};
type Call = (params: Record<string, unknown>) => Promise<Record<string, unknown>>;
interface LosantClient {
  auth: { authenticateUser: Call };
  flows: { get: Call; getByVersion: Call; import: Call; post: Call };
}

/**
 * The mock serves the official `losant-rest` client unchanged: its extra query parameters
 * (`_actions`, `_links`, `_embedded`), its headers (`Accept-Version`) and its qs-encoded triggerFilter.
 */
describe('mock: the official losant-rest client works against it unchanged', function () {
  this.timeout(30_000);
  let mock: MockServer;
  let api: LosantClient;
  const applicationId = MOCK_APPLICATION_ID;

  before(async () => {
    mock = await createMockServer();
    const url = await mock.listen(0, '127.0.0.1');
    const login = await losantRest.createClient({ url }).auth.authenticateUser({
      credentials: { email: MOCK_USER.email, password: MOCK_USER.password },
    });
    api = losantRest.createClient({ url, accessToken: login.token as string });
  });
  after(() => mock.close());

  it('flows.post creates a Workflow', async () => {
    const flow = await api.flows.post({
      applicationId,
      flow: { name: 'client hook', triggers: [{ type: 'webhook', key: 'hook-1' }] },
    });
    expect(validatorFor('workflow')(flow)).to.deep.equal([]);
    expect(flow).to.include({ name: 'client hook', flowClass: 'cloud' });
  });

  it('flows.import imports a bundle', async () => {
    const result = await api.flows.import({
      applicationId,
      importData: {
        flows: [{ id: '5f0000000000000000000001', name: 'client imported' }],
        flowVersions: [{ flowId: '5f0000000000000000000001', version: 'v1' }],
      },
    });
    expect(validatorFor('workflowImportResult')(result)).to.deep.equal([]);
    expect(Object.keys(result.importedFlowIdMap as object)).to.deep.equal(['5f0000000000000000000001']);
  });

  it('flows.get with every parameter, triggerFilter encoded by qs', async () => {
    const page = await api.flows.get({
      applicationId,
      sortField: 'name',
      sortDirection: 'desc',
      page: 0,
      perPage: 10,
      filterField: 'name',
      filter: 'client*',
      flowClass: 'cloud',
      triggerFilter: [{ type: 'webhook', key: 'hook-1' }],
      includeCustomNodes: true,
    });
    expect(validatorFor('workflows')(page)).to.deep.equal([]);
    expect((page.items as { name: string }[]).map((flow) => flow.name)).to.deep.equal(['client hook']);
  });

  it('flows.getByVersion finds the imported version', async () => {
    const page = await api.flows.getByVersion({
      applicationId,
      version: 'v1',
      filterField: 'name',
      filter: 'client*',
    });
    expect(validatorFor('workflowVersions')(page)).to.deep.equal([]);
    expect(page.count).to.equal(1);
  });

  it('an error reaches the client as the Error body and its status', async () => {
    const refused = await api.flows
      .get({ applicationId, sortField: 'bogus' })
      .catch((error: unknown) => error);
    expect(refused).to.include({ statusCode: 400, type: 'Validation' });
  });
});
