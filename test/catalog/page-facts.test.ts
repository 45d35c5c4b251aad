import { expect } from 'chai';
import fc from 'fast-check';
import { actionById, companionsOf, echoedParameters, type ActionSpec } from '../../specs/catalog';
import { validQuery } from '../../src/fuzz/query';

const GET = actionById('flows.get');
const POOLS = { versions: [], triggerTypes: [], triggerKeys: [] };

describe('catalog: what a page echoes and which parameters need others, written once', () => {
  it('a page echoes paging, sorting and flowClass always, filter and filterField when given', () => {
    expect(echoedParameters(GET, new Set())).to.deep.equal([
      'sortField',
      'sortDirection',
      'page',
      'perPage',
      'flowClass',
    ]);
    expect(echoedParameters(GET, new Set(['filter', 'triggerFilter'])))
      .to.include('filter')
      .and.not.include('triggerFilter');
    // The API-wide conventions list no version, nor does the reference's Workflow Versions example.
    expect(echoedParameters(actionById('flows.getByVersion'), new Set())).to.not.include('version');
  });

  it('filter needs filterField, and fuzz draws the one with the other from that fact alone', () => {
    expect(companionsOf(GET, 'filter')).to.deep.equal(['filterField']);
    const withFilter = (action: ActionSpec) =>
      fc
        .sample(validQuery(action, 'fc-', POOLS), { seed: 3, numRuns: 100 })
        .filter((query) => 'filter' in query);
    expect(withFilter(GET).every((query) => 'filterField' in query)).to.equal(true);
    // Without the fact, nothing forces filterField: some queries glob a field they never name.
    const unpaired: ActionSpec = {
      ...GET,
      query: GET.query.map((parameter) =>
        parameter.name === 'filter' ? { ...parameter, needs: undefined } : parameter,
      ),
    };
    expect(withFilter(unpaired).some((query) => !('filterField' in query))).to.equal(true);
  });
});
