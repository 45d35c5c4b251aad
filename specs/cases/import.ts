import type { DecisionKey } from '../catalog';
import { referenceExample } from '../../fixtures';
import type { ConformanceCase } from '../../src/engine/case';
import type { JsonValue } from '../../src/model/json';
import { badRequestChecks, badRequestCovers, FOLLOW_UP, makeCase, successChecks } from './build';
import { confine, invalidBodyCases, validBodyCases } from './bodies';
import { setupCases } from './setup';
import { authCases, schemaCases, statusCases, unknownQueryCase } from './generated';

/** Import: each case imports its own bundle under its own prefix. */
const ACTION = 'flows.import';

const flow = (id: string, name: string) => ({ id, name, triggers: [], nodes: [] });
const FLOW_A = 'c0000000000000000000000a';
const FLOW_B = 'c0000000000000000000000b';

const BUNDLE = {
  flows: [flow(FLOW_A, '{case}a'), flow(FLOW_B, '{case}b')],
  flowVersions: [
    { id: 'd0000000000000000000000a', flowId: FLOW_A, version: 'v1' },
    { id: 'd0000000000000000000000b', flowId: FLOW_B, version: 'v1' },
  ],
};

/** P4: BUNDLE with flow A's default version named by the given id of BUNDLE's version `index`. */
const withDefaultVersion = (index: number) => ({
  ...BUNDLE,
  flows: [{ ...BUNDLE.flows[0], defaultVersionId: BUNDLE.flowVersions[index].id }, BUNDLE.flows[1]],
});

/** Decision 14: every read-only key a Workflow has and Workflow Import does not define, with values to ignore. */
const READ_ONLY_FLOW = {
  ...flow(FLOW_A, '{case}read only'),
  flowId: FLOW_A,
  creationDate: '2016-06-13T04:00:00.000Z',
  lastUpdated: '2016-06-14T04:00:00.000Z',
  stats: { runCount: 5, errorCount: 2 },
  customNodeUseCount: 3,
  deletedInDevelop: true,
};

/**
 * A bundle Import refuses, and then nothing of it exists. `decision`: the refusal rests on it, so its
 * status is SHOULD; that a refusal creates nothing stays MUST.
 */
const allOrNothing = (fact: string, body: JsonValue, decision?: DecisionKey): ConformanceCase =>
  makeCase({
    action: ACTION,
    fact,
    aspect: 'body',
    decision,
    covers: badRequestCovers(ACTION),
    requests: [{ body }, FOLLOW_UP],
    checks: [...badRequestChecks, { check: 'nothingCreated', at: 1 }],
  });

export const IMPORT_CASES: readonly ConformanceCase[] = [
  ...setupCases(ACTION),
  ...authCases(ACTION),
  makeCase({
    action: ACTION,
    fact: 'the reference example is imported',
    aspect: 'body',
    requests: [{ body: confine(ACTION, referenceExample('workflow-import')).body }],
    checks: successChecks(ACTION),
  }),
  makeCase({
    action: ACTION,
    fact: 'imported flows and versions get fresh ids, mapped from the given ones',
    aspect: 'body',
    decision: 'importResult',
    requests: [{ body: BUNDLE }],
    checks: [...successChecks(ACTION), { check: 'importMaps' }],
  }),
  makeCase({
    action: ACTION,
    fact: 'a flow’s defaultVersionId becomes the new id of its version',
    aspect: 'body',
    decision: 'importDefaultVersion',
    requests: [{ body: withDefaultVersion(0) }],
    checks: [...successChecks(ACTION), { check: 'importMaps', decision: 'importDefaultVersion' }],
  }),
  makeCase({
    action: ACTION,
    fact: 'imported flows get the defaults of Post',
    aspect: 'body',
    decision: 'importResult',
    requests: [{ body: BUNDLE }],
    checks: [...successChecks(ACTION), { check: 'importDefaults' }],
  }),
  makeCase({
    action: ACTION,
    fact: 'given read-only keys are accepted and ignored',
    aspect: 'body',
    decision: 'importExampleValid',
    requests: [{ body: { flows: [READ_ONLY_FLOW], flowVersions: [] } }],
    checks: [...successChecks(ACTION), { check: 'importDefaults' }],
  }),
  allOrNothing('a bundle with one invalid flow imports nothing', {
    ...BUNDLE,
    flows: [BUNDLE.flows[0], { ...BUNDLE.flows[1], name: '' }],
  }),
  allOrNothing('a bundle with one invalid version imports nothing', {
    ...BUNDLE,
    flowVersions: [BUNDLE.flowVersions[0], { ...BUNDLE.flowVersions[1], version: '' }],
  }),
  allOrNothing(
    'a version pointing at no flow of the bundle imports nothing',
    {
      ...BUNDLE,
      flowVersions: [
        ...BUNDLE.flowVersions,
        { id: 'd0000000000000000000000c', flowId: 'c0000000000000000000000f', version: 'v1' },
      ],
    },
    'importResult',
  ),
  allOrNothing(
    'a defaultVersionId naming a version of another flow imports nothing',
    withDefaultVersion(1),
    'importDefaultVersion',
  ),
  ...validBodyCases(ACTION),
  ...invalidBodyCases(ACTION),
  unknownQueryCase(ACTION),
  ...statusCases(ACTION),
  ...schemaCases(ACTION),
];
