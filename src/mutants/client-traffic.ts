import { MOCK_APPLICATION_ID, MOCK_OTHER_APPLICATION_ID, MOCK_USER } from '../mock';

// The official client, as users of the real API call it (a development dependency, untyped).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const losantRest = require('losant-rest') as {
  createClient(options: { url: string; accessToken?: string }): LosantClient;
};
type Call = (params: Record<string, unknown>) => Promise<Record<string, unknown>>;
interface LosantClient {
  auth: { authenticateUser: Call };
  flows: { get: Call; getByVersion: Call; import: Call; post: Call };
  applicationApiTokens: { post: Call };
  applicationApiToken: { delete: Call };
}

export interface CallOutcome {
  readonly name: string;
  /** The status the client saw (200/201 when it resolved). */
  readonly status: number;
}

const applicationId = MOCK_APPLICATION_ID;
const UNKNOWN_APPLICATION = '5f0c00000000000000000000';
const IMPORTED = '5f0000000000000000000001';
const IMPORTED_VERSION = '5f0000000000000000000011';
const IMPORTED_SECOND = '5f0000000000000000000002';
const IMPORTED_SECOND_VERSION = '5f0000000000000000000012';
const IMPORTED_SECOND_LATER_VERSION = '5f0000000000000000000013';

/**
 * An application's narrower tokens, as an application hands them to its parts, minted and revoked with
 * the official client: one that may only read flows, one bound to another application, one used after
 * its expiry, one used after its revocation. The proxy learns their scopes from the minting answers.
 */
async function scopedTokenTraffic(
  api: LosantClient,
  url: string,
  call: (name: string, sent: Promise<unknown>) => Promise<void>,
): Promise<void> {
  const mint = async (scope: string[], bound = applicationId, expirationDate?: string) =>
    (await api.applicationApiTokens.post({
      applicationId: bound,
      apiToken: { name: 'proxy part', scope, ...(expirationDate && { expirationDate }) },
    })) as { id: string; token: string };
  const clientOf = (token: { token: string }) => losantRest.createClient({ url, accessToken: token.token });
  const reader = clientOf(await mint(['flows.get']));
  await call('get with a flows.get token', reader.flows.get({ applicationId }));
  await call(
    'post with a flows.get token',
    reader.flows.post({ applicationId, flow: { name: 'proxy reader' } }),
  );
  const elsewhere = clientOf(await mint(['flows.get'], MOCK_OTHER_APPLICATION_ID));
  await call('get with a token of another application', elsewhere.flows.get({ applicationId }));
  const expired = clientOf(await mint(['flows.get'], applicationId, '2020-01-01T00:00:00.000Z'));
  await call('get with an expired token', expired.flows.get({ applicationId }));
  const revokedToken = await mint(['flows.get']);
  await api.applicationApiToken.delete({ applicationId, apiTokenId: revokedToken.id });
  await call('get with a revoked token', clientOf(revokedToken).flows.get({ applicationId }));
}

/**
 * Every action of the catalog through the official client, as an application would call them: valid
 * calls with each kind of parameter, and the invalid ones a buggy caller makes. Failed calls are
 * outcomes, not errors: the proxy judges them all.
 */
export async function clientTraffic(url: string): Promise<CallOutcome[]> {
  const login = await losantRest
    .createClient({ url })
    .auth.authenticateUser({ credentials: { email: MOCK_USER.email, password: MOCK_USER.password } });
  const api = losantRest.createClient({ url, accessToken: login.token as string });
  const anonymous = losantRest.createClient({ url });
  const outcomes: CallOutcome[] = [];
  const call = async (name: string, sent: Promise<unknown>) => {
    try {
      await sent;
      outcomes.push({ name, status: 200 });
    } catch (error) {
      outcomes.push({ name, status: Number((error as { statusCode?: number }).statusCode ?? 0) });
    }
  };
  const post = (name: string, flow: Record<string, unknown>, query: Record<string, unknown> = {}) =>
    call(`post ${name}`, api.flows.post({ applicationId, flow, ...query }));
  await post('custom node', { name: 'proxy custom', flowClass: 'customNode' });
  await post('custom node nobody uses', { name: 'proxy custom unused', flowClass: 'customNode' });
  const custom = (
    await api.flows.get({
      applicationId,
      flowClass: 'customNode',
      filterField: 'name',
      filter: 'proxy custom',
    })
  ).items as { id: string }[];
  await post('alpha', {
    name: 'proxy alpha',
    description: 'kept',
    triggers: [{ type: 'webhook', key: 'k1' }],
  });
  await post('Bravo', { name: 'proxy Bravo', triggers: [{ type: 'timer', config: { seconds: 60 } }] });
  await post('user of the custom node', {
    name: 'proxy charlie',
    nodes: [{ id: 'n1', type: 'CustomNode', config: { flowId: custom[0]?.id } }],
  });
  await post('edge', { name: 'proxy edge', flowClass: 'edge' });
  // A custom node of the user's other application, which a flow here references by id.
  const foreignCustom = (await api.flows.post({
    applicationId: MOCK_OTHER_APPLICATION_ID,
    flow: { name: 'proxy custom elsewhere', flowClass: 'customNode' },
  })) as { id: string };
  await post('user of a custom node elsewhere', {
    name: 'proxy echo',
    nodes: [{ id: 'n1', type: 'CustomNode', config: { flowId: foreignCustom.id } }],
  });
  // Three flows of one name: their order is decided by the tie-break alone.
  for (const twin of [1, 2, 3, 4, 5]) await post(`twin ${twin}`, { name: 'proxy twin' });
  await post('with includeCustomNodes', { name: 'proxy delta' }, { includeCustomNodes: true });
  await call(
    'import',
    api.flows.import({
      applicationId,
      importData: {
        flows: [
          {
            id: IMPORTED,
            name: 'proxy imported',
            defaultVersionId: IMPORTED_VERSION,
            triggers: [{ type: 'webhook', key: 'imported' }],
          },
          { id: IMPORTED_SECOND, name: 'proxy imported second', creationDate: '2016-06-13T04:00:00.000Z' },
        ],
        flowVersions: [
          {
            id: IMPORTED_VERSION,
            flowId: IMPORTED,
            version: 'v1',
            triggers: [{ type: 'timer', key: 'imported default' }],
          },
          {
            id: IMPORTED_SECOND_VERSION,
            flowId: IMPORTED_SECOND,
            version: 'v1',
            nodes: [{ id: 'n1', type: 'CustomNode', config: { flowId: custom[0]?.id } }],
          },
          { id: IMPORTED_SECOND_LATER_VERSION, flowId: IMPORTED_SECOND, version: 'v2' },
        ],
      },
    }),
  );
  const get = (name: string, query: Record<string, unknown>) =>
    call(`get ${name}`, api.flows.get({ applicationId, ...query }));
  await get('defaults', {});
  await get('name desc', { sortField: 'name', sortDirection: 'desc' });
  await get('ties of creationDate', { sortField: 'creationDate', sortDirection: 'asc' });
  await get('by glob', { filterField: 'name', filter: 'proxy a*' });
  await get('by glob with ? in another case', { filterField: 'name', filter: 'PROXY ?RAVO' });
  await get('by glob ending in ?', { filterField: 'name', filter: 'proxy alpha?' });
  await get('filter without filterField', { filter: 'proxy a*' });
  await get('edge', { flowClass: 'edge' });
  await get('page 0', { page: 0, perPage: 2, sortField: 'name' });
  await get('page 1', { page: 1, perPage: 2, sortField: 'name' });
  await get('last page', { page: 4, perPage: 2, sortField: 'name' });
  await get('twins', { filterField: 'name', filter: 'proxy twin' });
  await get('customNodes', { includeCustomNodes: true, filterField: 'name', filter: 'proxy charlie' });
  await get('customNodes elsewhere', { includeCustomNodes: true, filterField: 'name', filter: 'proxy echo' });
  await get('customNodes of a page', { includeCustomNodes: true, sortField: 'name', perPage: 1 });
  await get('customNodes false', { includeCustomNodes: false });
  await get('triggerFilter', { triggerFilter: [{ type: 'webhook' }] });
  await get('triggerFilter of two entries', { triggerFilter: [{ type: 'webhook' }, { type: 'timer' }] });
  await get('triggerFilter by key', { triggerFilter: [{ key: 'k1' }] });
  await call('getByVersion', api.flows.getByVersion({ applicationId, version: 'v1' }));
  await call(
    'getByVersion with customNodes',
    api.flows.getByVersion({ applicationId, version: 'v1', includeCustomNodes: true }),
  );
  await call('getByVersion in another case', api.flows.getByVersion({ applicationId, version: 'V1' }));
  await call(
    'getByVersion by id desc',
    api.flows.getByVersion({ applicationId, version: 'v1', sortField: 'id', sortDirection: 'desc' }),
  );
  await get('sortField=bogus', { sortField: 'bogus' });
  await get('perPage=0', { perPage: 0 });
  await get('perPage=1001', { perPage: 1001 });
  await post('without a name', { description: 'no name' });
  await post('with an unknown key', { name: 'proxy unknown key', color: 'red' });
  await call(
    'import without a name',
    api.flows.import({ applicationId, importData: { flows: [{ id: IMPORTED }] } }),
  );
  await scopedTokenTraffic(api, url, call);
  await call('get without a token', anonymous.flows.get({ applicationId }));
  await call('get of an unknown application', api.flows.get({ applicationId: UNKNOWN_APPLICATION }));
  await call('get with a malformed application id', api.flows.get({ applicationId: 'not-an-id' }));
  return outcomes;
}
