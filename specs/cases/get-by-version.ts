import { actionById, queryRow } from '../catalog';
import type { ConformanceCase } from '../../src/engine/case';
import { makeCase, successChecks, withQuery } from './build';
import {
  collectionRowCases,
  customNodeCases,
  defaultVersionRows,
  flowClassRows,
  pagingCases,
  sortingCases,
  versionCustomNodesCase,
  type CollectionRow,
} from './collections';
import { queryEdgeCases } from './query-edges';
import { authCases, invalidQueryCases, schemaCases, statusCases, unknownQueryCase } from './generated';

/** Get by Version: the versioned data set (`{versions}`; version 1.0 of 2 cloud flows and 1 edge flow). */
const ACTION = 'flows.getByVersion';
const V1 = '{versions}1.0';

const ROWS: readonly CollectionRow[] = [
  {
    fact: 'version returns the versions of that name',
    query: [['version', '{versions}2.0']],
    where: { version: '{versions}2.0' },
    covers: ['version'],
  },
  {
    fact: 'version matches exactly',
    query: [['version', '{versions}1']],
    where: { version: '{versions}1' },
    covers: ['version'],
    decision: 'getByVersion',
  },
  {
    fact: 'version matches case-sensitively',
    query: [['version', '{VERSIONS}1.0']],
    where: { version: '{VERSIONS}1.0' },
    covers: ['version'],
    decision: 'getByVersion',
  },
  {
    fact: 'filter=<prefix>o* matches flow names by glob',
    query: [['filter', '{versions}o*']],
    where: { version: V1, keys: ['one'] },
    covers: ['filter', 'filterField'],
    echo: { filter: '{versions}o*', filterField: 'name', applicationId: '{application}' },
  },
  {
    fact: 'triggerFilter by type filters on the flows',
    query: [['triggerFilter[0][type]', 'webhook']],
    where: { version: V1, triggers: [{ type: 'webhook' }] },
    covers: ['triggerFilter'],
    decision: 'triggerFilter',
  },
  ...flowClassRows(ACTION, { version: V1 }),
  // The versions returned are those of flows whose default version matches, whatever their own triggers.
  ...defaultVersionRows([['version', '{versions}3.0']], { version: '{versions}3.0' }),
];

export const GET_BY_VERSION_CASES: readonly ConformanceCase[] = [
  ...authCases(ACTION),
  ...invalidQueryCases(ACTION),
  ...sortingCases(ACTION, 'versions'),
  ...pagingCases(ACTION, 'versions', { version: V1 }, 2),
  ...collectionRowCases(ACTION, 'versions', ROWS),
  makeCase({
    action: ACTION,
    fact: 'includeCustomNodes=true is accepted',
    aspect: 'query',
    covers: [queryRow(actionById(ACTION), 'includeCustomNodes')],
    requests: [withQuery(ACTION, [['includeCustomNodes', 'true']])],
    checks: successChecks(ACTION),
  }),
  ...customNodeCases(ACTION),
  versionCustomNodesCase(),
  unknownQueryCase(ACTION),
  ...queryEdgeCases(ACTION),
  ...statusCases(ACTION),
  ...schemaCases(ACTION),
];
