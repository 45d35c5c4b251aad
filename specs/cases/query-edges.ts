import { actionById, MAX_PER_PAGE, queryRow, type ActionId, type QueryParameter } from '../catalog';
import type { CheckRef } from '../../src/checks';
import type { ConformanceCase } from '../../src/engine/case';
import { makeCase, successChecks, successOf, withQuery, type Pair } from './build';

/**
 * The edges of a query that the reference does not settle, generated from the catalog's parameters.
 * MUST where the reference, HTTP or decision 3 decides (never a 5xx; "blank or not provided means no
 * filtering"); the answer P5 (docs/decisions.md) gives where a correct server could differ is SHOULD.
 */

/** Newest first and as many as allowed: the run's own data, made just now, comes on the first page. */
const NEWEST_FIRST: readonly Pair[] = [
  ['sortField', 'creationDate'],
  ['sortDirection', 'desc'],
  ['perPage', String(MAX_PER_PAGE)],
];

/** A 400 with an Error body or a success with a valid body: anything else (a 5xx above all) fails. */
const refusedOrServed = (actionId: ActionId): CheckRef[] => [
  { check: 'status', expect: [successOf(actionId), 400] },
  { check: 'errorBody', onStatus: [400] },
  ...successChecks(actionId)
    .filter((ref) => ref.check === 'schema')
    .map((ref) => ({ ...ref, onStatus: [successOf(actionId)] })),
];

/** P5: a parameter given twice is a 400. */
const repeatedCase = (actionId: ActionId): ConformanceCase =>
  makeCase({
    action: actionId,
    fact: 'a parameter given twice (perPage=1&perPage=2) gets 400 or is served',
    aspect: 'query',
    covers: [queryRow(actionById(actionId), 'perPage')],
    requests: [
      withQuery(actionId, [
        ['perPage', '1'],
        ['perPage', '2'],
      ]),
    ],
    checks: [...refusedOrServed(actionId), { check: 'status', expect: [400], decision: 'queryEdges' }],
  });

/**
 * `name=` for each parameter. Blank filter or filterField: no filtering (the reference, MUST). Other
 * parameters whose reference default is blank: as if absent (P5). A blank value of any other parameter
 * is no accepted value: 400 (P5), and at least never a 5xx (MUST).
 */
function blankCase(actionId: ActionId, parameter: QueryParameter): ConformanceCase {
  const action = actionById(actionId);
  const fact = `a blank ${parameter.name} (${parameter.name}=)`;
  const covers = [queryRow(action, parameter.name)];
  if (parameter.name === 'filterField' || parameter.name === 'filter') {
    const other = parameter.name === 'filter' ? 'filterField' : 'filter';
    return makeCase({
      action: actionId,
      fact: `${fact} means no filtering`,
      aspect: 'query',
      covers,
      requests: [
        withQuery(actionId, [[parameter.name, ''], ...otherFilter(actionId, other), ...NEWEST_FIRST]),
      ],
      checks: [...successChecks(actionId), noFilteringItems(actionId)],
    });
  }
  const absent = parameter.default === '' && !parameter.required;
  return makeCase({
    action: actionId,
    fact: absent ? `${fact} counts as absent` : `${fact} gets 400`,
    aspect: 'query',
    covers,
    requests: [withQuery(actionId, [[parameter.name, '']])],
    checks: [
      ...refusedOrServed(actionId),
      {
        check: 'status',
        expect: [absent ? successOf(actionId) : 400],
        decision: 'queryEdges',
      },
    ],
  });
}

/** The filter pair's other half, narrowing to one flow if it were (wrongly) applied. */
const otherFilter = (actionId: ActionId, name: 'filter' | 'filterField'): Pair[] =>
  name === 'filterField'
    ? [['filterField', 'name']]
    : [['filter', actionId === 'flows.get' ? '{data}alpha' : '{versions}one']];

/** Unfiltered, the answer holds flows (or versions) the filter would have dropped. */
const noFilteringItems = (actionId: ActionId): CheckRef =>
  actionId === 'flows.get'
    ? { check: 'itemSet', set: 'flows', where: { keys: ['alpha', 'bravo'] }, mode: 'includes' }
    : {
        check: 'itemSet',
        set: 'versions',
        where: { keys: ['one', 'two'], version: '{versions}1.0' },
        mode: 'includes',
      };

/** "filterField: blank or not provided means no filtering" (the reference): filter alone filters nothing. */
const filterWithoutFieldCase = (actionId: ActionId): ConformanceCase =>
  makeCase({
    action: actionId,
    fact: 'filter without filterField filters nothing',
    aspect: 'query',
    covers: [queryRow(actionById(actionId), 'filterField')],
    requests: [withQuery(actionId, [...otherFilter(actionId, 'filter'), ...NEWEST_FIRST], ['filterField'])],
    checks: [...successChecks(actionId), noFilteringItems(actionId)],
  });

/** P5: names are case-sensitive, so `PerPage` is an unknown parameter, ignored (decision 3). */
const nameCaseCase = (actionId: ActionId): ConformanceCase =>
  makeCase({
    action: actionId,
    fact: 'a parameter name in another case (PerPage=1) is an unknown parameter',
    aspect: 'query',
    decision: 'queryEdges',
    covers: [queryRow(actionById(actionId), 'perPage')],
    requests: [withQuery(actionId, [['PerPage', '1']])],
    checks: [
      ...successChecks(actionId),
      actionId === 'flows.get'
        ? { check: 'itemSet', set: 'flows', where: {} }
        : { check: 'itemSet', set: 'versions', where: { version: '{versions}1.0' } },
    ],
  });

export function queryEdgeCases(actionId: ActionId): ConformanceCase[] {
  const action = actionById(actionId);
  return [
    repeatedCase(actionId),
    ...action.query.map((parameter) => blankCase(actionId, parameter)),
    filterWithoutFieldCase(actionId),
    nameCaseCase(actionId),
  ];
}
