import { expect } from 'chai';
import { MOCK_APPLICATION_ID, type FaultName } from '../../src/mock';
import type { Failure } from '../../src/model/results';
import { TrafficShadow } from '../../src/proxy/shadow';
import { ACTIONS } from '../../specs/catalog';
import { proxiedMock, type ProxiedMock } from './support';

const FLOWS = `/applications/${MOCK_APPLICATION_ID}/flows`;

/** Posts a flow straight to `base` (the mock, outside the proxy's view, or the proxy). */
async function post(base: string, token: string, name: string): Promise<void> {
  const answer = await fetch(`${base}${FLOWS}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(answer.status).to.equal(201);
}

/** Every page of `query` through the proxy, `perPage` 2. */
async function pageThrough(proxied: ProxiedMock, token: string, query: string): Promise<void> {
  for (let page = 0; page < 5; page += 1)
    await fetch(`${proxied.url}${FLOWS}?perPage=2&page=${page}&${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
}

/** Flows the proxy saw made and flows made outside its view, then a client paging through them. */
async function mixedTraffic(faults: FaultName[] = []): Promise<Failure[]> {
  const proxied = await proxiedMock(faults);
  try {
    const token = proxied.mock.tokenFor(['all.Application']);
    for (const name of ['shadow a', 'shadow c', 'shadow e']) await post(proxied.target, token, name);
    for (const name of ['shadow b', 'shadow d']) await post(proxied.url, token, name);
    await pageThrough(proxied, token, 'sortField=name&filterField=name&filter=shadow*');
    await pageThrough(proxied, token, 'sortField=name&sortDirection=desc');
    return proxied.proxy.log.results.flatMap((result) => result.failures);
  } finally {
    await proxied.close();
  }
}

describe('proxy: the shadow of the model (issue 18)', function () {
  this.timeout(60_000);

  it('with flows made outside its view, a correct server gets no violation: only what the shadow knows is judged', async () => {
    expect(await mixedTraffic()).to.deep.equal([]);
  });

  it('a totalCount that is always count is a MUST failure from ordinary paging, flows made elsewhere or not', async () => {
    const failures = await mixedTraffic(['wrong-total-count']);
    const total = failures.filter((failure) => failure.check === 'pageWindow' && failure.level === 'MUST');
    expect(total.length).to.be.greaterThan(0);
    // The shadow counts only the flows it saw made (two): a lower bound, never the three made elsewhere.
    for (const failure of total) expect(failure.message).to.match(/below the [12] known matches/);
  });

  it('a page one window off repeats an item across pages: MUST pagesPartition', async () => {
    const failures = await mixedTraffic(['paging-one-based']);
    expect(
      failures.some((failure) => failure.check === 'pagesPartition' && failure.level === 'MUST'),
    ).to.equal(true);
  });
});

describe('proxy: the shadow’s memory of tokens', () => {
  const get = ACTIONS.find((action) => action.id === 'flows.get')!;
  const post = ACTIONS.find((action) => action.id === 'flows.post')!;
  const app = MOCK_APPLICATION_ID;

  it('a token served after a 401 or 403 for the same action and application is a contradiction', () => {
    const shadow = new TrafficShadow();
    expect(shadow.access('Bearer t', post, app, 403, '#000001 POST')).to.equal(undefined);
    expect(shadow.access('Bearer t', get, app, 200, '#000002 GET')).to.equal(undefined);
    expect(shadow.access('Bearer t', post, app, 201, '#000003 POST')?.message).to.match(
      /served 201 to a token that exchange #000001 refused/,
    );
  });

  it('served, then refused, is no contradiction (a token revoked or expired meanwhile)', () => {
    const shadow = new TrafficShadow();
    expect(shadow.access('Bearer t', get, app, 200, '#1')).to.equal(undefined);
    expect(shadow.access('Bearer t', get, app, 401, '#2')).to.equal(undefined);
  });

  it('learns a token’s scopes, application and revocation from the token routes’ answers only', () => {
    const shadow = new TrafficShadow();
    shadow.learnToken({ scope: ['flows.get'] }, { id: 'A1', token: 'secret' }, app.toUpperCase());
    shadow.learnToken({ scope: ['flows.get'] }, { id: 'B2' });
    expect(shadow.tokenFacts('bearer secret')).to.deep.equal({
      scopes: ['flows.get'],
      applicationId: app,
      revoked: false,
    });
    shadow.revoke('a1');
    expect(shadow.tokenFacts('Bearer secret')?.revoked).to.equal(true);
    expect(shadow.tokenFacts('Bearer B2')).to.equal(undefined);
  });
});
