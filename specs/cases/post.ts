import { actionById, queryRow } from '../catalog';
import { referenceExample } from '../../fixtures';
import type { ConformanceCase } from '../../src/engine/case';
import { FOLLOW_UP, makeCase, successChecks } from './build';
import { confine, invalidBodyCases, validBodyCases } from './bodies';
import { crossApplicationCase, customNodeCases } from './collections';
import { setupCases } from './setup';
import { authCases, schemaCases, statusCases, unknownQueryCase } from './generated';

/** Post: each case creates its own flows under its own prefix. */
const ACTION = 'flows.post';

const ROUND_TRIP_BODY = {
  name: '{case}round trip',
  description: 'kept as sent',
  enabled: true,
  triggers: [{ type: 'timer', config: { seconds: 60 } }],
  nodes: [{ id: 'n1', type: 'DebugNode', config: {} }],
  globals: [{ key: 'limit', json: '10' }],
};

/** A flow whose node uses the data set's custom-node flow (P3). */
const CUSTOM_NODE_USER = {
  name: '{case}custom node user',
  nodes: [{ id: 'n1', type: 'CustomNode', config: { flowId: '{id:custom}' } }],
};

/** A flow whose node names the custom-node flow of another application (P3, and no leak). */
const CROSS_APPLICATION_USER = {
  name: '{case}cross user',
  nodes: [{ id: 'n1', type: 'CustomNode', config: { flowId: '{id:crossCustom}' } }],
};

export const POST_CASES: readonly ConformanceCase[] = [
  ...setupCases(ACTION),
  ...authCases(ACTION),
  makeCase({
    action: ACTION,
    fact: 'the reference example is created',
    aspect: 'body',
    requests: [{ body: confine(ACTION, referenceExample('workflow-post')).body }, FOLLOW_UP],
    checks: [...successChecks(ACTION), { check: 'roundTrip', fetchedAt: 1 }],
  }),
  makeCase({
    action: ACTION,
    fact: 'what Post stores is what Get returns',
    aspect: 'body',
    requests: [{ body: ROUND_TRIP_BODY }, FOLLOW_UP],
    checks: [...successChecks(ACTION), { check: 'roundTrip', fetchedAt: 1 }],
  }),
  makeCase({
    action: ACTION,
    fact: 'a new flow gets fresh ids and the defaults',
    aspect: 'body',
    decision: 'postResult',
    // A body of a name alone is valid by the reference: its 201 is the reference's, the defaults D10's.
    decides: ['postDefaults'],
    requests: [{ body: { name: '{case}defaults' } }],
    checks: [{ check: 'status', expect: [201] }, { check: 'postDefaults' }],
  }),
  makeCase({
    action: ACTION,
    fact: 'includeCustomNodes=true is accepted',
    aspect: 'query',
    covers: [queryRow(actionById(ACTION), 'includeCustomNodes')],
    requests: [{ body: { name: '{case}flow' }, query: [['includeCustomNodes', 'true']] }],
    checks: successChecks(ACTION),
  }),
  ...customNodeCases(ACTION, undefined, { body: CUSTOM_NODE_USER, decision: 'postIncludeCustomNodes' }),
  crossApplicationCase(ACTION, { body: CROSS_APPLICATION_USER }),
  ...validBodyCases(ACTION),
  ...invalidBodyCases(ACTION),
  unknownQueryCase(ACTION),
  ...statusCases(ACTION),
  ...schemaCases(ACTION),
];
