import { expect } from 'chai';
import { actionById } from '../../specs/catalog';
import {
  decodeQueryText,
  decodeValue,
  encodeQueryPairs,
  encodeTypedQuery,
  InvalidQueryValue,
  MalformedQuery,
  typedQuery,
} from '../../src/model/query-codec';

const GET = actionById('flows.get');
const TRIGGER_PAIRS = [
  ['triggerFilter[0][type]', 'webhook'],
  ['triggerFilter[0][key]', 'a b'],
] as const;

describe('model: the query codec shared by mock, pacts, client and engine', () => {
  it('writes triggerFilter as the reference does, from pairs and from a typed query alike', () => {
    const fromPairs = encodeQueryPairs(TRIGGER_PAIRS);
    expect(fromPairs).to.equal('triggerFilter[0][type]=webhook&triggerFilter[0][key]=a%20b');
    expect(encodeTypedQuery({ triggerFilter: [{ type: 'webhook', key: 'a b' }] })).to.equal(fromPairs);
  });

  it('reads the deep-object form back into entries', () => {
    expect(decodeQueryText(encodeQueryPairs(TRIGGER_PAIRS))).to.deep.equal({
      triggerFilter: [{ type: 'webhook', key: 'a b' }],
    });
  });

  it('types a query as the mock reads it: numbers, booleans, triggerFilter entries', () => {
    expect(
      typedQuery(GET, [['page', '2'], ['includeCustomNodes', 'false'], ...TRIGGER_PAIRS, ['_links', 'x']]),
    ).to.deep.equal({
      page: 2,
      includeCustomNodes: false,
      triggerFilter: [{ type: 'webhook', key: 'a b' }],
      _links: 'x',
    });
    expect(typedQuery(GET, [['includeCustomNodes', 'true']])).to.deep.equal({ includeCustomNodes: true });
  });

  it('refuses a boolean that is not exactly true or false, as the mock does (P5)', () => {
    for (const value of ['TRUE', 'False', '1', ''])
      expect(() => typedQuery(GET, [['includeCustomNodes', value]]), value).to.throw(
        InvalidQueryValue,
        'must be true or false',
      );
  });

  it('types a value out of range for a 400 to send, which decoding it refuses', () => {
    expect(typedQuery(GET, [['perPage', '0']])).to.deep.equal({ perPage: 0 });
    const perPage = GET.query.find((parameter) => parameter.name === 'perPage');
    expect(() => decodeValue(perPage?.value ?? { kind: 'string' }, '0')).to.throw(
      InvalidQueryValue,
      'must be at least 1',
    );
  });

  it('refuses a query string over its bounds with MalformedQuery, not a crash', () => {
    const many = Array.from({ length: 300 }, (_, index) => `p${index}=1`).join('&');
    expect(() => decodeQueryText(many)).to.throw(MalformedQuery);
  });
});
