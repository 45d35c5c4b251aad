import { expect } from 'chai';
import fc from 'fast-check';
import { APP, FLOWS, startMock } from './helpers';

const flowName = fc.stringMatching(/^[A-Za-z]{1,3}$/);

describe('mock: paging and sorting properties (decisions 4, 5)', () => {
  it('walking all pages returns every matching flow exactly once, in sort order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(flowName, { minLength: 0, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('name', 'id', 'creationDate', 'lastUpdated'),
        fc.constantFrom('asc', 'desc'),
        async (names, perPage, sortField, sortDirection) => {
          const t = await startMock();
          try {
            await t.post(`${FLOWS}/import`, { flows: names.map((name) => ({ name })) });
            const all = (await t.get(`${FLOWS}?sortField=${sortField}&sortDirection=${sortDirection}`)).body
              .items;
            const walked: { id: string }[] = [];
            for (let page = 0; page * perPage < names.length + perPage; page += 1) {
              const response = await t.get(
                `${FLOWS}?sortField=${sortField}&sortDirection=${sortDirection}&perPage=${perPage}&page=${page}`,
              );
              expect(response.body.totalCount).to.equal(names.length);
              walked.push(...response.body.items);
            }
            expect(walked).to.deep.equal(all);
            expect(new Set(walked.map((flow) => flow.id)).size).to.equal(names.length);
            const key = (flow: Record<string, string>) =>
              sortField === 'name' ? flow.name.toLowerCase() : flow[sortField];
            for (let index = 1; index < all.length; index += 1) {
              const [a, b] = [all[index - 1], all[index]];
              if (key(a) === key(b)) expect(a.id < b.id, 'ties by id ascending').to.equal(true);
              else expect(key(a) < key(b), 'sort order').to.equal(sortDirection === 'asc');
            }
          } finally {
            await t.close();
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a glob with no wildcard matches exactly the names equal to it ignoring case', async () => {
    const t = await startMock();
    try {
      const names = ['ab', 'AB', 'aB', 'abc', 'b', 'a.b'];
      await t.post(`${FLOWS}/import`, { flows: names.map((name) => ({ name })) });
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names, 'x', 'A?', '*B'), async (glob) => {
          const response = await t.get(
            `/applications/${APP}/flows?filterField=name&filter=${encodeURIComponent(glob)}`,
          );
          const pattern = new RegExp(
            `^${glob.replace(/\./g, '\\.').replace(/\?/g, '.').replace(/\*/g, '.*')}$`,
            'i',
          );
          expect(response.body.items.map((flow: { name: string }) => flow.name).sort()).to.deep.equal(
            names.filter((name) => pattern.test(name)).sort(),
          );
        }),
        { numRuns: 20 },
      );
    } finally {
      await t.close();
    }
  });
});
