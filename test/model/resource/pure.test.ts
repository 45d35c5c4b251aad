import { expect } from 'chai';
import { actionById } from '../../../specs/catalog';
import { accessRefusals, combinedRefusal } from '../../../src/model/resource/access';
import { globMatches } from '../../../src/model/resource/glob';
import { pageCount, pageWindow, sortedBy } from '../../../src/model/resource/order';
import { readQuery } from '../../../src/model/resource/query-reading';
import { judgeRefusal } from '../../../src/model/resource/refusal';

const GET = actionById('flows.get');
const POST = actionById('flows.post');

describe('model of the reference: pure pieces', () => {
  it('pages from 0, and a page past the end is empty (decision 4)', () => {
    const items = [1, 2, 3, 4, 5];
    expect(pageWindow(items, 0, 2)).to.deep.equal([1, 2]);
    expect(pageWindow(items, 2, 2)).to.deep.equal([5]);
    expect(pageWindow(items, 3, 2)).to.deep.equal([]);
    expect([0, 1, 2, 3].map((page) => pageCount(5, page, 2))).to.deep.equal([2, 2, 1, 0]);
  });

  it('sorts by the key in the direction, ties by id ascending whatever the direction (decision 5)', () => {
    const items = [
      { id: 'C', key: 'b' },
      { id: 'a', key: 'b' },
      { id: 'b', key: 'a' },
    ];
    const ids = (direction: 'asc' | 'desc') =>
      sortedBy(items, (item) => item.key, direction).map((item) => item.id);
    expect(ids('asc')).to.deep.equal(['b', 'a', 'C']);
    expect(ids('desc')).to.deep.equal(['a', 'C', 'b']);
  });

  it('globs the whole field, case-insensitively, `*` any run and `?` one code point (decision 6)', () => {
    expect(globMatches('fc-*', 'FC-anything')).to.equal(true);
    expect(globMatches('a?c', 'a😀c')).to.equal(true);
    expect(globMatches('a?c', 'ac')).to.equal(false);
    expect(globMatches('a', 'ab')).to.equal(false);
    expect(globMatches('(a).[b]+$^|{}\\/-', '(A).[B]+$^|{}\\/-')).to.equal(true);
    expect(globMatches('Ab', 'ab', { caseSensitive: true })).to.equal(false);
    expect(globMatches('a?', 'abc', { questionAsStar: true })).to.equal(true);
  });

  it('reads a query with the catalog defaults and the level of each refusal (decision 3, P5)', () => {
    const read = readQuery(GET, 'perPage=2');
    expect(read.kind).to.equal('read');
    if (read.kind !== 'read') return;
    expect(read.values.get('perPage')).to.equal(2);
    expect(read.values.get('flowClass')).to.equal('cloud');
    expect([...read.given]).to.deep.equal(['perPage']);
    expect(readQuery(GET, 'sortField=bogus')).to.include({ kind: 'refused', level: 'MUST' });
    expect(readQuery(GET, 'perPage=1001')).to.include({ kind: 'refused', level: 'SHOULD' });
    expect(readQuery(GET, 'perPage=1&perPage=2')).to.include({ kind: 'refused', level: 'SHOULD' });
    expect(readQuery(GET, 'PerPage=2')).to.include({ kind: 'read', cap: 'SHOULD' });
  });

  it('orders the refusals as the decisions do and lets any allowed one conform (decisions 1, 2)', () => {
    const noScope = accessRefusals(
      POST,
      { kind: 'token', scopes: ['flows.get'], applicationKey: 'own' },
      'malformed',
    );
    const combined = combinedRefusal(noScope);
    expect(combined).to.include({ should: 403 });
    expect(combined?.must).to.have.members([400, 401, 403, 404]);
    expect(
      accessRefusals(GET, { kind: 'token', scopes: ['all.User'], applicationKey: null }, 'own'),
    ).to.deep.equal([]);
  });

  it('judges a 401 without a Bearer challenge as a MUST difference (RFC 6750)', () => {
    const refusal = combinedRefusal(
      accessRefusals(GET, { kind: 'unauthenticated', why: 'no header' }, 'own'),
    );
    const answer = { status: 401, headers: {}, body: { type: 'Unauthorized', message: 'no' }, text: '' };
    expect(judgeRefusal(refusal!, answer, []).map((found) => [found.rule, found.level])).to.deep.equal([
      ['wwwAuthenticate', 'MUST'],
    ]);
    const forbidden = { ...answer, status: 403 };
    expect(judgeRefusal(refusal!, forbidden, []).map((found) => [found.rule, found.level])).to.deep.equal([
      ['status', 'SHOULD'],
    ]);
  });
});
