import { expect } from 'chai';
import { actionById, type ActionId, type QueryParameter } from '../../specs/catalog';
import type { FlowsQuery, FlowVersionsQuery, PostQuery } from '../../src/client';

/**
 * The typed client's query types are written by hand (an interface reads better than a mapped type in
 * an editor); these samples hold every key of each, so tsc fails when a type gains or loses a key, and
 * the test fails when the catalog's parameters drift from the keys or their value types.
 */
const GET_SAMPLE: Required<FlowsQuery> = {
  sortField: 'name',
  sortDirection: 'asc',
  page: 0,
  perPage: 10,
  filterField: 'name',
  filter: 'my*flow',
  flowClass: 'cloud',
  triggerFilter: [{ type: 'webhook' }],
  includeCustomNodes: true,
};
const SAMPLES: Readonly<Record<ActionId, object | undefined>> = {
  'flows.get': GET_SAMPLE,
  'flows.getByVersion': { ...GET_SAMPLE, version: 'v1' } satisfies Required<FlowVersionsQuery>,
  'flows.post': { includeCustomNodes: false } satisfies Required<PostQuery>,
  'flows.import': undefined,
};

const jsType = (parameter: QueryParameter): string => {
  switch (parameter.value.kind) {
    case 'nonNegativeInteger':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'triggerFilter':
      return 'array';
    default:
      return 'string';
  }
};
const typeOf = (value: unknown): string => (Array.isArray(value) ? 'array' : typeof value);

const catalogTypes = (actionId: ActionId): Record<string, string> =>
  Object.fromEntries(actionById(actionId).query.map((parameter) => [parameter.name, jsType(parameter)]));
const sampleTypes = (sample: object | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(sample ?? {}).map(([name, value]) => [name, typeOf(value)]));

describe('client: the query types agree with the catalog', () => {
  for (const [actionId, sample] of Object.entries(SAMPLES) as [ActionId, object | undefined][]) {
    it(`${actionId}: the same parameter names, with the catalog's value types`, () => {
      expect(sampleTypes(sample)).to.deep.equal(catalogTypes(actionId));
    });
  }

  it('a drift is caught: a missing parameter or a value of another type makes them differ', () => {
    const { flowClass: _missing, ...lacking } = GET_SAMPLE;
    expect(sampleTypes(lacking)).not.to.deep.equal(catalogTypes('flows.get'));
    expect(sampleTypes({ ...GET_SAMPLE, page: '0' })).not.to.deep.equal(catalogTypes('flows.get'));
  });
});
