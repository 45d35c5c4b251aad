import type { CheckContext, CheckRef, Exchange } from '../../src/checks';
import type { ConformanceCase } from '../../src/engine/case';
import type { DataFacts } from '../../src/engine/data-facts';
import { parseJson, type HttpRequest } from '../../src/http/transport';

export const SECRET = 'secret-token-0123456789';

export const request = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  path: '/applications/575ec8687ae143cd83dc4a97/flows',
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
  versionFlows: [],
  versions: [],
};

export function context(
  refs: CheckRef[],
  exchanges: Exchange[],
  level: 'MUST' | 'SHOULD' = 'MUST',
): CheckContext {
  const testCase: ConformanceCase = {
    id: 'GET flows: a case under test',
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
    expand: (text) => text.replace('{data}', 'fcx-d-'),
  };
}
