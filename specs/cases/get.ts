import type { ConformanceCase } from '../../src/engine/case';
import {
  collectionRowCases,
  crossApplicationCase,
  customNodeCases,
  customNodesOfPageCase,
  tieBreakCase,
  defaultVersionRows,
  flowClassRows,
  pagingCases,
  sortingCases,
  type CollectionRow,
} from './collections';
import { CLOUD_DATA_FLOW_COUNT } from '../../src/engine/data-set-spec';
import { queryEdgeCases } from './query-edges';
import { authCases, invalidQueryCases, schemaCases, statusCases, unknownQueryCase } from './generated';

/** Get: the read data set (`{data}`). */
const ACTION = 'flows.get';

const FILTER_ROWS: readonly CollectionRow[] = [
  {
    fact: 'filter=<prefix>a* matches by glob',
    query: [['filter', '{data}a*']],
    where: { keys: ['alpha', 'abc', 'axc', 'abcd'] },
    covers: ['filter', 'filterField'],
    echo: { filter: '{data}a*', filterField: 'name', applicationId: '{application}' },
  },
  {
    fact: 'filter ? matches exactly one character',
    query: [['filter', '{data}a?c']],
    where: { keys: ['abc', 'axc'] },
    covers: ['filter'],
    decision: 'filterGlobbing',
  },
  {
    fact: 'filter ? matches neither no character nor several',
    query: [['filter', '{data}abc?']],
    where: { keys: ['abcd'] },
    covers: ['filter'],
    decision: 'filterGlobbing',
  },
  {
    fact: 'filter matches the whole field',
    query: [['filter', '{data}ab']],
    where: { keys: [] },
    covers: ['filter'],
    decision: 'filterGlobbing',
  },
  {
    fact: 'filter matches case-insensitively',
    query: [['filter', '{DATA}ALPHA']],
    where: { keys: ['alpha'] },
    covers: ['filter'],
    decision: 'filterGlobbing',
  },
  {
    fact: 'filter * matches an empty run',
    query: [['filter', '{data}*echo']],
    where: { keys: ['echo', 'echoUpper'] },
    covers: ['filter'],
    decision: 'filterGlobbing',
  },
];

const TRIGGER_ROWS: readonly CollectionRow[] = [
  {
    fact: 'triggerFilter by type keeps the flows with such a trigger',
    query: [['triggerFilter[0][type]', 'webhook']],
    where: { triggers: [{ type: 'webhook' }] },
    covers: ['triggerFilter'],
    decision: 'triggerFilter',
  },
  {
    fact: 'triggerFilter by type and key keeps the flows with that trigger',
    query: [
      ['triggerFilter[0][type]', 'webhook'],
      ['triggerFilter[0][key]', 'keyone'],
    ],
    where: { triggers: [{ type: 'webhook', key: 'keyone' }] },
    covers: ['triggerFilter'],
    decision: 'triggerFilter',
  },
  {
    fact: 'triggerFilter by another type',
    query: [['triggerFilter[0][type]', 'timer']],
    where: { triggers: [{ type: 'timer' }] },
    covers: ['triggerFilter'],
    decision: 'triggerFilter',
  },
  {
    fact: 'triggerFilter by key alone keeps the flows with a trigger of that key',
    query: [['triggerFilter[0][key]', 'keytwo']],
    where: { triggers: [{ key: 'keytwo' }] },
    covers: ['triggerFilter'],
    decision: 'triggerFilter',
  },
  {
    fact: 'triggerFilter entries are alternatives',
    query: [
      ['triggerFilter[0][type]', 'timer'],
      ['triggerFilter[1][type]', 'webhook'],
      ['triggerFilter[1][key]', 'keytwo'],
    ],
    where: { triggers: [{ type: 'timer' }, { type: 'webhook', key: 'keytwo' }] },
    covers: ['triggerFilter'],
    decision: 'triggerFilter',
  },
];

export const GET_CASES: readonly ConformanceCase[] = [
  ...authCases(ACTION),
  ...invalidQueryCases(ACTION),
  ...sortingCases(ACTION, 'flows'),
  ...pagingCases(ACTION, 'flows', {}, CLOUD_DATA_FLOW_COUNT),
  tieBreakCase(ACTION),
  ...collectionRowCases(ACTION, 'flows', [
    ...FILTER_ROWS,
    ...flowClassRows(ACTION),
    ...TRIGGER_ROWS,
    ...defaultVersionRows([['filter', '{versions}*']], {}, 'versionFlows'),
  ]),
  ...customNodeCases(ACTION, [['filter', '{data}alpha']]),
  customNodesOfPageCase(ACTION),
  crossApplicationCase(ACTION),
  unknownQueryCase(ACTION),
  ...queryEdgeCases(ACTION),
  ...statusCases(ACTION),
  ...schemaCases(ACTION),
];
