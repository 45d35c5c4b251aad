import {
  acceptedValuesOf,
  actionById,
  parameterDefault,
  queryRow,
  type ActionId,
  type DecisionKey,
} from '../catalog';
import type { CheckRef, DataSelector, DataSetName } from '../../src/checks';
import type { ConformanceCase } from '../../src/engine/case';
import type { JsonValue } from '../../src/model/json';
import { makeCase, successChecks, withQuery, type Pair } from './build';
import { PAGE_SIZE, TIE_KEYS } from '../../src/engine/data-set-spec';

/**
 * The behaviour of the collection parameters of Get and Get by Version, on the suite's own data. Rows
 * are data: one query and the data-set items it must return. `set` says which data set a response holds.
 */
type CollectionSet = 'flows' | 'versions';

export interface CollectionRow {
  readonly fact: string;
  readonly query: readonly Pair[];
  readonly where: DataSelector;
  readonly covers: readonly string[];
  readonly decision?: 'filterGlobbing' | 'triggerFilter' | 'getByVersion' | 'paging' | 'flowClassDefault';
  readonly mode?: 'exactly' | 'includes';
  /** The data set the items come from, when not the action's own (`versionFlows` for Get). */
  readonly set?: DataSetName;
  /** Collection fields the answer echoes (spec README, API-wide conventions); placeholders allowed. */
  readonly echo?: Readonly<Record<string, string>>;
}

function rowCase(actionId: ActionId, set: CollectionSet, row: CollectionRow): ConformanceCase {
  const action = actionById(actionId);
  return makeCase({
    action: actionId,
    fact: row.fact,
    aspect: 'query',
    decision: row.decision,
    // The query is one the reference accepts: its status is the reference's, the items the decision's.
    decides: ['itemSet'],
    covers: row.covers.map((name) => queryRow(action, name)),
    requests: [withQuery(actionId, row.query)],
    checks: [
      ...successChecks(actionId),
      { check: 'itemSet', set: row.set ?? set, where: row.where, mode: row.mode },
      ...(row.echo ? [{ check: 'collectionEcho' as const, expect: row.echo }] : []),
    ],
  });
}

/** Each sortField × sortDirection the catalog accepts, and the defaults (name, asc). */
export function sortingCases(actionId: ActionId, set: CollectionSet): ConformanceCase[] {
  const action = actionById(actionId);
  const accepted = (name: string) => acceptedValuesOf(actionId, name);
  const defaultField = parameterDefault(actionId, 'sortField');
  const defaultDirection = parameterDefault(actionId, 'sortDirection');
  const sortCase = (fact: string, query: Pair[], field: string, direction: 'asc' | 'desc') =>
    makeCase({
      action: actionId,
      fact,
      aspect: 'query',
      covers: [queryRow(action, 'sortField'), queryRow(action, 'sortDirection')],
      requests: [withQuery(actionId, query)],
      checks: [
        ...successChecks(actionId),
        { check: 'collectionEcho', expect: { sortField: field, sortDirection: direction } },
        { check: 'sortedBy', set, field, direction, exact: false },
        { check: 'sortedBy', set, field, direction, exact: true, decision: 'sorting' },
      ],
    });
  const combinations = accepted('sortField').flatMap((field) =>
    accepted('sortDirection').map((direction) =>
      sortCase(
        `sortField=${field}&sortDirection=${direction} orders the items`,
        [
          ['sortField', field],
          ['sortDirection', direction],
        ],
        field,
        direction as 'asc' | 'desc',
      ),
    ),
  );
  return [
    ...combinations,
    sortCase(
      `without sortField and sortDirection the items are ordered by ${defaultField} ${defaultDirection}ending`,
      [],
      defaultField,
      defaultDirection as 'asc' | 'desc',
    ),
  ];
}

/** Paging arithmetic (echoed counts) and a walk over every page: none repeated, none skipped. */
export function pagingCases(
  actionId: ActionId,
  set: CollectionSet,
  where: DataSelector,
  total: number,
): ConformanceCase[] {
  const action = actionById(actionId);
  const pageSize = PAGE_SIZE[set];
  const pages = Math.ceil(total / pageSize) + 1;
  const page = (index: number) =>
    withQuery(actionId, [
      ['perPage', String(pageSize)],
      ['page', String(index)],
    ]);
  const covers = [queryRow(action, 'page'), queryRow(action, 'perPage')];
  const window: CheckRef = { check: 'pageWindow', perPage: pageSize, set, where };
  return [
    makeCase({
      action: actionId,
      fact: `perPage=${pageSize}&page=0 gives the first ${pageSize} and the counts`,
      aspect: 'query',
      covers,
      requests: [page(0)],
      checks: [
        ...successChecks(actionId),
        window,
        { check: 'collectionEcho', expect: { page: 0, perPage: pageSize } },
      ],
    }),
    makeCase({
      action: actionId,
      fact: `pages of perPage=${pageSize} hold every item exactly once`,
      aspect: 'query',
      decision: 'paging',
      covers,
      requests: Array.from({ length: pages }, (_, index) => page(index)),
      // The reference counts pages from 0: a page walk that repeats an item never returns another one.
      checks: [window, { check: 'pagesPartition', set, where }],
    }),
    makeCase({
      action: actionId,
      fact: 'a page past the end is empty',
      aspect: 'query',
      decision: 'paging',
      covers,
      requests: [page(99)],
      checks: [...successChecks(actionId), { check: 'itemSet', set, where: { keys: [] } }],
    }),
  ];
}

export const collectionRowCases = (
  actionId: ActionId,
  set: CollectionSet,
  rows: readonly CollectionRow[],
): ConformanceCase[] => rows.map((row) => rowCase(actionId, set, row));

/** flowClass: each accepted value filters, and without one the default (cloud) does. */
export function flowClassRows(actionId: ActionId, extra: DataSelector = {}): CollectionRow[] {
  const defaultClass = parameterDefault(actionId, 'flowClass');
  return [
    ...acceptedValuesOf(actionId, 'flowClass').map((flowClass) => ({
      fact: `flowClass=${flowClass} returns only ${flowClass} flows`,
      query: [['flowClass', flowClass]] as Pair[],
      where: { ...extra, flowClass },
      covers: ['flowClass'],
      echo: { flowClass },
    })),
    {
      fact: `without flowClass only ${defaultClass} flows are returned`,
      query: [],
      where: { ...extra, flowClass: defaultClass },
      covers: ['flowClass'],
      echo: { flowClass: defaultClass },
    },
  ];
}

/**
 * includeCustomNodes adds customNodes (decision 9), and only when asked; with `unreferencing`, a query
 * whose items reference no custom node, also that customNodes holds nothing else. With `post`, the body
 * of a write whose answer is one Workflow (P3).
 */
export function customNodeCases(
  actionId: ActionId,
  unreferencing?: Pair[],
  post?: { readonly body: JsonValue; readonly decision: DecisionKey },
): ConformanceCase[] {
  const action = actionById(actionId);
  const covers = [queryRow(action, 'includeCustomNodes')];
  const make = (fact: string, query: Pair[], present: boolean) =>
    makeCase({
      action: actionId,
      fact,
      aspect: 'query',
      decision: post?.decision ?? 'includeCustomNodes',
      decides: ['customNodes'],
      covers,
      requests: [{ ...withQuery(actionId, query), ...(post && { body: post.body }) }],
      checks: [...successChecks(actionId), { check: 'customNodes', present }],
    });
  return [
    make('includeCustomNodes=true adds the referenced custom nodes', [['includeCustomNodes', 'true']], true),
    make('without includeCustomNodes there is no customNodes key', [], false),
    make('includeCustomNodes=false adds no customNodes key', [['includeCustomNodes', 'false']], false),
    ...(unreferencing
      ? [
          make(
            'includeCustomNodes=true adds only custom nodes that returned items reference',
            [['includeCustomNodes', 'true'], ...unreferencing],
            true,
          ),
        ]
      : []),
  ];
}

/**
 * triggerFilter "always filters against default flow version" (the reference): flow `three` of the
 * versioned data set has its own trigger `keyown` and a default version (P4) with `keydefault`. MUST:
 * the expected items follow the default versions the server's Import answer reported (data facts), so
 * P4 is only the set-up; a full `{type, key}` entry needs none of decision 8's finer points.
 */
export function defaultVersionRows(query: readonly Pair[], where: DataSelector, set?: DataSetName) {
  const row = (fact: string, key: string): CollectionRow => ({
    fact,
    query: [...query, ['triggerFilter[0][type]', 'webhook'], ['triggerFilter[0][key]', key]],
    where: { ...where, triggers: [{ type: 'webhook', key }] },
    covers: ['triggerFilter'],
    set,
  });
  return [
    row('triggerFilter matches the trigger of a flow’s default version', 'keydefault'),
    row('triggerFilter ignores the own trigger of a flow with a default version', 'keyown'),
  ];
}

/**
 * customNodes looks at the page returned, not at every match (decision 9: "referenced by a returned
 * flow"): the first page of one, by name, holds a flow that references no custom node, while a later
 * one does.
 */
export const customNodesOfPageCase = (actionId: ActionId): ConformanceCase =>
  makeCase({
    action: actionId,
    fact: 'includeCustomNodes=true looks only at the flows of the page returned',
    aspect: 'query',
    decision: 'includeCustomNodes',
    decides: ['customNodes'],
    covers: [queryRow(actionById(actionId), 'includeCustomNodes')],
    requests: [
      withQuery(actionId, [
        ['sortField', 'name'],
        ['sortDirection', 'asc'],
        ['perPage', '1'],
        ['includeCustomNodes', 'true'],
      ]),
    ],
    checks: [...successChecks(actionId), { check: 'customNodes', present: true }],
  });

/**
 * A version's custom nodes (decision 9 for Get by Version): the `{vcustom}` flow's version uses the read
 * data set's custom-node flow, which customNodes must then list.
 */
export const versionCustomNodesCase = (): ConformanceCase =>
  makeCase({
    action: 'flows.getByVersion',
    fact: 'includeCustomNodes=true adds the custom nodes a returned version uses',
    aspect: 'query',
    decision: 'includeCustomNodes',
    decides: ['customNodes'],
    covers: [queryRow(actionById('flows.getByVersion'), 'includeCustomNodes')],
    requests: [
      withQuery('flows.getByVersion', [
        ['version', '{vcustom}1.0'],
        ['filter', '{vcustom}*'],
        ['includeCustomNodes', 'true'],
      ]),
    ],
    checks: [...successChecks('flows.getByVersion'), { check: 'customNodes', present: true }],
  });

/**
 * customNodes never holds a flow of another application, even one a node names by id: MUST, since a
 * token reaches only its own application; that the list is then empty is decision 9's (SHOULD).
 * With `post`, the body of a Post whose node names it (P3).
 */
export function crossApplicationCase(
  actionId: ActionId,
  post?: { readonly body: JsonValue },
): ConformanceCase {
  const query: Pair[] = post
    ? [['includeCustomNodes', 'true']]
    : [
        ['filter', '{cross}*'],
        ['includeCustomNodes', 'true'],
      ];
  return makeCase({
    action: actionId,
    fact: 'customNodes holds no flow of another application',
    aspect: 'query',
    covers: [queryRow(actionById(actionId), 'includeCustomNodes')],
    needs: ['crossApplication'],
    requests: [{ ...withQuery(actionId, query), ...(post && { body: post.body }) }],
    checks: [
      ...successChecks(actionId),
      { check: 'noForeignData' },
      {
        check: 'customNodes',
        present: true,
        decision: post ? 'postIncludeCustomNodes' : 'includeCustomNodes',
      },
    ],
  });
}

/**
 * Decision 5: ties go by id ascending, in both directions. The `tie` flows share their name; where the
 * server's ids follow creation order the case cannot tell and is skipped (precondition).
 */
export function tieBreakCase(actionId: ActionId): ConformanceCase {
  const action = actionById(actionId);
  const sorted = (direction: 'asc' | 'desc') =>
    withQuery(actionId, [
      ['filter', '{data}tie'],
      ['sortField', 'name'],
      ['sortDirection', direction],
    ]);
  return makeCase({
    action: actionId,
    fact: 'ties of the sort field go by id ascending in both directions',
    aspect: 'query',
    decision: 'sorting',
    decides: ['itemSet', 'sortedBy'],
    covers: [queryRow(action, 'sortField'), queryRow(action, 'sortDirection')],
    precondition: 'tiesDecidable',
    requests: [sorted('asc'), sorted('desc')],
    checks: (['asc', 'desc'] as const).flatMap((direction, at) => [
      { check: 'status', at, expect: [200] },
      { check: 'itemSet', at, set: 'flows', where: { keys: [...TIE_KEYS] } },
      { check: 'sortedBy', at, set: 'flows', field: 'name', direction, exact: true },
    ]),
  });
}
