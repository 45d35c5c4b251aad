import { expect } from 'chai';
import { actionById } from '../../../specs/catalog';
import { expectedPage } from '../../../src/model/resource/collection';
import { judgePage } from '../../../src/model/resource/page-judge';
import { readQuery } from '../../../src/model/resource/query-reading';
import { emptyState, withCreated, type ModelFlow } from '../../../src/model/resource/state';

const GET = actionById('flows.get');
const APP = '575ec8687ae143cd83dc4a97';
const flow = (id: string, name: string): ModelFlow => ({
  id,
  name,
  sent: { name },
  flowClass: 'cloud',
  creationDate: 1,
  lastUpdated: 1,
});
// Two names equal but for case (a tie of decision 5), and one after them.
const FLOWS = [flow('bb', 'p-A'), flow('aa', 'p-a'), flow('cc', 'p-b')];
const STATE = withCreated(emptyState(), 'own', FLOWS);
const known = new Map(FLOWS.map((item) => [item.id, item]));
const nameOf = (item: { id: string }) => known.get(item.id)?.name ?? '';

function judged(query: string, body: (expected: ReturnType<typeof page>) => Record<string, unknown>) {
  const expected = page(query);
  return judgePage(
    expected,
    body(expected),
    { exact: true, cap: 'MUST', elsewhere: new Set() },
    known,
    nameOf,
  ).map((found) => [found.rule, found.level, found.pointer]);
}

function page(query: string) {
  const reading = readQuery(GET, query);
  if (reading.kind !== 'read') throw new Error('a read query');
  return expectedPage(STATE, 'own', GET, reading, APP);
}

const collection = (expected: ReturnType<typeof page>, ids: string[]) => ({
  ...expected.echo,
  count: ids.length,
  totalCount: expected.sorted.length,
  items: ids.map((id) => ({ id, name: known.get(id)?.name })),
});

describe('model of the reference: a page and its judge', () => {
  it('implies the echo and the items in decision 5’s order', () => {
    const expected = page('perPage=2&filterField=name&filter=p-*');
    expect(expected.items.map((item) => item.id)).to.deep.equal(['aa', 'bb']);
    expect(expected.echo).to.deep.include({
      perPage: 2,
      page: 0,
      sortField: 'name',
      flowClass: 'cloud',
      filter: 'p-*',
    });
  });

  it('passes the answer it implies', () => {
    expect(judged('perPage=2', (expected) => collection(expected, ['aa', 'bb']))).to.deep.equal([]);
  });

  it('finds a missing echo field and a wrong totalCount at MUST', () => {
    expect(
      judged('perPage=2', (expected) => ({
        ...collection(expected, ['aa', 'bb']),
        perPage: undefined,
        totalCount: 2,
      })),
    ).to.deep.equal([
      ['collectionEcho', 'MUST', '/perPage'],
      ['pageWindow', 'MUST', '/totalCount'],
    ]);
  });

  it('finds ties out of id order at SHOULD, and an order the direction breaks at MUST', () => {
    expect(judged('', (expected) => collection(expected, ['bb', 'aa', 'cc']))).to.deep.equal([
      ['sortedBy', 'SHOULD', '/items'],
    ]);
    expect(judged('', (expected) => collection(expected, ['cc', 'aa', 'bb']))).to.deep.equal([
      ['sortedBy', 'MUST', '/items/0'],
    ]);
  });
});
