import { expect } from 'chai';
import { ADMIN, APP, exampleSeed, FLOWS, startMock, type TestMock } from './helpers';
import { ResponseCache } from '../../src/mock/response-cache';
import { emptyApplication } from '../../src/mock/store';
import { MOCK_USER } from '../../src/mock/defaults';

/** Cached pages are a speed-up only: the bytes are those of a freshly built page, and go stale on change. */
/** Seeded items without dates get the time of their seeding, which differs between two mocks. */
const withoutDates = (json: string) => json.replace(/"(creationDate|lastUpdated)":"[^"]*"/g, '');

describe('mock: the page cache', () => {
  let cached: TestMock;
  let uncached: TestMock;
  before(async () => {
    cached = await startMock({ seed: exampleSeed() });
    uncached = await startMock({ seed: exampleSeed(), pageCache: false });
  });
  after(async () => {
    await cached.mock.close();
    await uncached.mock.close();
  });

  for (const query of [
    '',
    '?sortDirection=desc&perPage=2',
    '?flowClass=customNode&includeCustomNodes=true',
  ]) {
    it(`a repeated Get${query} answers the bytes a mock without cache builds`, async () => {
      const first = (await cached.get(FLOWS + query)).text;
      const again = (await cached.get(FLOWS + query)).text;
      expect(again).to.equal(first);
      expect(withoutDates((await uncached.get(FLOWS + query)).text)).to.equal(withoutDates(first));
    });
  }

  it('a Post makes the cached page stale, with or without cache', async () => {
    for (const t of [cached, uncached]) {
      const before = (await t.get(FLOWS)).body.totalCount as number;
      await t.post(FLOWS, { name: 'page-cache probe' }, ADMIN).expect(201);
      expect((await t.get(FLOWS)).body.totalCount).to.equal(before + 1);
    }
  });

  it('a page differing only by unknown parameters or the order of parameters is the same entry', async () => {
    const first = (await cached.get(`${FLOWS}?perPage=2&sortDirection=desc`)).text;
    const entries = cached.mock.pages.size;
    for (const query of [
      '?sortDirection=desc&perPage=2',
      '?perPage=2&junk=1&sortDirection=desc',
      '?_actions=false&sortDirection=desc&perPage=2&junk[a]=2',
    ]) {
      expect((await cached.get(FLOWS + query)).text, query).to.equal(first);
    }
    expect(cached.mock.pages.size).to.equal(entries);
  });

  it('many distinct large pages stay within the byte budget', async () => {
    const budget = 256 * 1024;
    const description = 'd'.repeat(2000);
    const flows = Array.from({ length: 50 }, (_, index) => ({ name: `large ${index}`, description }));
    const t = await startMock({ seed: { flows, flowVersions: [] }, pageCacheBytes: budget });
    try {
      const pageBytes = Buffer.byteLength((await t.get(`${FLOWS}?perPage=50`)).text);
      expect(pageBytes).to.be.greaterThan(budget / 3);
      // Distinct globs with the same answer: every one a page of its own.
      for (let stars = 1; stars <= 40; stars += 1) {
        const response = await t.get(`${FLOWS}?perPage=50&filterField=name&filter=${'*'.repeat(stars)}`);
        expect(response.body.count).to.equal(50);
        expect(t.mock.pages.bytes).to.be.at.most(budget);
      }
      expect(t.mock.pages.size).to.be.within(1, 2);
    } finally {
      await t.close();
    }
  });
});

describe('mock: the page cache keeps a byte budget, least recently used out first', () => {
  const application = emptyApplication(APP, MOCK_USER.userId);
  const page = (bytes: number) => 'x'.repeat(bytes);

  it('drops the least recently used entries to make room, never exceeding the budget', () => {
    const cache = new ResponseCache(10_000);
    cache.set(application, 'a', page(4000));
    cache.set(application, 'b', page(4000));
    cache.get(application, 'a'); // a is now the more recent
    cache.set(application, 'c', page(4000));
    expect(cache.bytes).to.be.at.most(10_000);
    expect(
      [cache.get(application, 'a'), cache.get(application, 'b'), cache.get(application, 'c')].map(Boolean),
    ).to.deep.equal([true, false, true]);
  });

  it('keeps no page larger than the budget, and frees what a change makes stale', () => {
    const cache = new ResponseCache(10_000);
    cache.set(application, 'huge', page(20_000));
    expect(cache.size).to.equal(0);
    const changing = emptyApplication(APP, MOCK_USER.userId);
    cache.set(changing, 'a', page(1000));
    expect(cache.bytes).to.be.greaterThan(1000);
    changing.generation += 1;
    expect(cache.get(changing, 'a')).to.equal(undefined);
    expect([cache.bytes, cache.size]).to.deep.equal([0, 0]);
  });

  it('keeps no page built from a generation the application has since left (a Get that yielded to a Post)', () => {
    const cache = new ResponseCache(10_000);
    const changing = emptyApplication(APP, MOCK_USER.userId);
    const builtFrom = changing.generation;
    changing.generation += 1;
    expect(cache.set(changing, 'a', '{}', builtFrom).toString()).to.equal('{}');
    expect(cache.get(changing, 'a')).to.equal(undefined);
    cache.set(changing, 'a', '{}', changing.generation);
    expect(cache.get(changing, 'a')?.toString()).to.equal('{}');
  });

  it('a budget of 0 keeps nothing', () => {
    const cache = new ResponseCache(0);
    expect(cache.set(application, 'a', '{}').toString()).to.equal('{}');
    expect(cache.size).to.equal(0);
  });
});
