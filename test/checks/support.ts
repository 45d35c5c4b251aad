import { runCheck, type CheckContext, type CheckRef, type Exchange } from '../../src/checks';
import { formatFailure } from '../../src/reporters/report-views';
import type { ConformanceCase } from '../../src/engine/case';
import type { DataFacts } from '../../src/model/data-facts';
import { parseJson, type HttpRequest } from '../../src/http/transport';

export const SECRET = 'secret-token-0123456789';
/** When the exchanges of these tests went out, by the suite's clock. */
export const SENT_AT = '2024-05-01T12:00:00.000Z';
export const APPLICATION_ID = '575ec8687ae143cd83dc4a97';

export const request = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  path: `/applications/${APPLICATION_ID}/flows`,
  query: 'filterField=name&filter=fcx-d-*',
  headers: { accept: 'application/json', authorization: `Bearer ${SECRET}` },
  ...overrides,
});

export function exchange(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  req = request(),
): Exchange {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    request: req,
    response: {
      status,
      headers: { 'content-type': 'application/json', ...headers },
      bodyText,
      json: parseJson(bodyText),
      durationMs: 1,
    },
    sentAt: Date.parse(SENT_AT),
  };
}

const flow = (
  key: string,
  id: string,
  name: string,
  flowClass = 'cloud',
  extra: Partial<DataFacts['flows'][number]> = {},
) => ({
  key,
  id,
  name,
  flowClass,
  triggers: [],
  customNodeKeys: [],
  createdIndex: 0,
  ...extra,
});

export const DATA: DataFacts = {
  prefixes: { run: 'fcx-', data: 'fcx-d-', versions: 'fcx-v-' },
  flows: [
    flow('custom', '000000000000000000000001', 'fcx-d-custom', 'customNode'),
    flow('alpha', '000000000000000000000002', 'fcx-d-alpha', 'cloud', {
      triggers: [{ type: 'webhook', key: 'k' }],
      customNodeKeys: ['custom'],
    }),
    flow('bravo', '000000000000000000000003', 'fcx-d-Bravo'),
  ],
  // Its own trigger is `own`; triggerFilter looks at its default version's, `default`.
  versionFlows: [
    flow('three', '00000000000000000000000a', 'fcx-v-three', 'cloud', {
      triggers: [{ type: 'webhook', key: 'own' }],
      defaultVersion: { id: '00000000000000000000000b', triggers: [{ type: 'webhook', key: 'default' }] },
    }),
  ],
  versions: [
    {
      id: '00000000000000000000000b',
      flowKey: 'three',
      version: 'fcx-v-3.1',
      triggers: [{ type: 'webhook', key: 'default' }],
    },
  ],
  crossFlows: [],
  foreignFlows: [],
  pieces: {
    posted: { state: 'ready' },
    imported: { state: 'ready' },
    versionCustomNodes: { state: 'ready' },
    crossApplication: { state: 'ready' },
  },
};

export function context(
  refs: CheckRef[],
  exchanges: Exchange[],
  level: 'MUST' | 'SHOULD' = 'MUST',
): CheckContext {
  const testCase: ConformanceCase = {
    id: 'GET flows: a case under test',
    key: 'get-query-000000',
    action: 'flows.get',
    aspect: 'query',
    level,
    covers: [],
    requests: [],
    checks: refs,
  };
  return {
    testCase,
    exchanges,
    baseUrl: 'http://api.test',
    data: DATA,
    expand: (text) => text.replace('{data}', 'fcx-d-').replace('{application}', APPLICATION_ID),
  };
}

/** One check on these exchanges; each failure also as the text a reporter shows (`text`). */
export const run = (ref: CheckRef, ...exchanges: Exchange[]) =>
  runCheck(context([ref], exchanges), ref).map((failure) => ({ ...failure, text: formatFailure(failure) }));
