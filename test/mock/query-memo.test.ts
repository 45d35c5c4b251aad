import { expect } from 'chai';
import { ACTIONS } from '../../specs/catalog';
import { ApiError } from '../../src/mock/errors';
import { behaviourOf } from '../../src/mock/behaviour';
import { parseQuery, parseQueryMemo, queryKey } from '../../src/mock/query';

const GET = ACTIONS.find((action) => action.id === 'flows.get')!;

describe('mock: parsed queries remembered per server (parseQueryMemo)', () => {
  it('a repeated query gives the parse and key of parseQuery, made once', () => {
    const behaviour = behaviourOf([]).query;
    const first = parseQueryMemo(GET, 'perPage=5&sortField=lastUpdated', behaviour);
    const again = parseQueryMemo(GET, 'perPage=5&sortField=lastUpdated', behaviour);
    const fresh = parseQuery(GET, 'perPage=5&sortField=lastUpdated', behaviour);
    expect(again).to.equal(first);
    expect([...first.query.values]).to.deep.equal([...fresh.values]);
    expect(first.key).to.equal(queryKey(fresh));
  });

  it('a refused query is refused every time (never remembered)', () => {
    const behaviour = behaviourOf([]).query;
    for (let attempt = 0; attempt < 2; attempt += 1)
      expect(() => parseQueryMemo(GET, 'perPage=0', behaviour)).to.throw(ApiError);
  });

  it('servers with other faults (another query behaviour) never share a parse', () => {
    const lenient = parseQueryMemo(GET, 'perPage=0', behaviourOf(['invalid-query-ignored']).query);
    expect(lenient.query.values.get('perPage')).to.not.equal(0);
    expect(() => parseQueryMemo(GET, 'perPage=0', behaviourOf([]).query)).to.throw(ApiError);
  });
});
