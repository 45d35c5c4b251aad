import { expect } from 'chai';
import { ADMIN, exampleSeed, FLOWS, startMock, type TestMock } from './helpers';

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
});
