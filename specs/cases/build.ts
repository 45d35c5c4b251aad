import {
  actionById,
  caseLabel,
  MAX_PER_PAGE,
  queryRow,
  responseBodyRow,
  statusRow,
  successResponse,
  type ActionId,
  type DecisionKey,
} from '../catalog';
import { levelOf, underDecision, type CheckName, type CheckRef } from '../../src/checks';
import type { ConformanceCase, RequestSpec } from '../../src/engine/case';
import type { Aspect } from '../../src/model/results';
import { caseKey } from '../../src/model/case-key';

export { caseLabel };

export type Pair = readonly [string, string];

/** A valid request of each action, confined to the suite's own data; cases vary it. */
export const VALID_REQUESTS: Readonly<Record<ActionId, RequestSpec>> = {
  'flows.get': {
    query: [
      ['filterField', 'name'],
      ['filter', '{data}*'],
    ],
  },
  'flows.getByVersion': {
    query: [
      ['version', '{versions}1.0'],
      ['filterField', 'name'],
      ['filter', '{versions}*'],
    ],
  },
  'flows.post': { body: { name: '{case}flow', description: 'created by flows-conformance' } },
  'flows.import': {
    body: {
      flows: [{ id: 'c00000000000000000000000', name: '{case}imported', triggers: [], nodes: [] }],
      flowVersions: [],
    },
  },
};

/** After a write: Get what the case created (its own prefix). */
export const FOLLOW_UP: RequestSpec = {
  action: 'flows.get',
  query: [
    ['filterField', 'name'],
    ['filter', '{case}*'],
    ['perPage', String(MAX_PER_PAGE)],
  ],
};

/** The valid request with query pairs replaced (same name) or added, and names dropped. */
export function withQuery(
  actionId: ActionId,
  pairs: readonly Pair[],
  drop: readonly string[] = [],
): RequestSpec {
  const base = VALID_REQUESTS[actionId];
  const names = new Set([...pairs.map(([name]) => name), ...drop]);
  return { ...base, query: [...(base.query ?? []).filter(([name]) => !names.has(name)), ...pairs] };
}

export interface CaseInput {
  readonly action: ActionId;
  readonly fact: string;
  readonly aspect: Aspect;
  /**
   * The decision the case's request rests on. Each check whose expectation follows the request names it
   * (SHOULD); a check whose own rule is MUST stays MUST (src/checks/levels.ts).
   */
  readonly decision?: DecisionKey;
  /** The checks that decision decides, where the reference fixes the others; default: every one it may. */
  readonly decides?: readonly CheckName[];
  readonly covers?: readonly string[];
  readonly needs?: ConformanceCase['needs'];
  readonly precondition?: ConformanceCase['precondition'];
  /** A set-up case: the piece of the data set it reports on. */
  readonly setup?: ConformanceCase['setup'];
  readonly requests: readonly RequestSpec[];
  readonly checks: readonly CheckRef[];
}

/** The checks with the levels of their rules, the case's decision given to those it decides. */
const checksUnder = (input: CaseInput): CheckRef[] =>
  input.checks.map((ref) =>
    input.decides && !input.decides.includes(ref.check) ? ref : underDecision(ref, input.decision),
  );

/** The case's key, from what it sends and checks: neither its sentence nor its levels and coverage. */
const keyOfCase = (input: CaseInput): string =>
  caseKey({
    action: input.action,
    aspect: input.aspect,
    data: {
      setup: input.setup,
      needs: input.needs,
      precondition: input.precondition,
      requests: input.requests,
      checks: input.checks,
    },
  });

/**
 * A case from its parts; the id is `<label>: <fact>`, the key derived from its data. Its level sums up
 * its checks': MUST if any check is (a set-up case, with none, too), else SHOULD.
 */
export function makeCase(input: CaseInput): ConformanceCase {
  const checks = checksUnder(input);
  const should = checks.length > 0 && checks.every((ref) => levelOf(ref) === 'SHOULD');
  return {
    id: `${caseLabel(actionById(input.action))}: ${input.fact}`,
    key: keyOfCase(input),
    action: input.action,
    aspect: input.aspect,
    level: should ? 'SHOULD' : 'MUST',
    decision: input.decision,
    covers: input.covers ?? [],
    ...(input.needs && { needs: input.needs }),
    ...(input.precondition && { precondition: input.precondition }),
    ...(input.setup && { setup: input.setup }),
    requests: input.requests,
    checks,
  };
}

export const successOf = (actionId: ActionId): number => successResponse(actionById(actionId)).status;

/**
 * A successful answer of the action: its status, and the schema of its body when it is that answer (a
 * server refusing a request only a decision makes valid is judged by the status check alone).
 */
export function successChecks(actionId: ActionId): CheckRef[] {
  const response = successResponse(actionById(actionId));
  const onStatus = [response.status];
  return [
    { check: 'status', expect: [response.status] },
    { check: 'schema', schema: response.schema, onStatus },
    { check: 'carriesKeys', schema: response.schema, onStatus },
  ];
}

export const successCovers = (actionId: ActionId): string[] => {
  const action = actionById(actionId);
  const status = successResponse(action).status;
  return [statusRow(action, status), responseBodyRow(action, status)];
};

/**
 * A 400 with an Error body (decision 3 makes the refusal of bad values a MUST). The Error body is asked
 * of the 400: where only a decision refuses the request, a server may serve it.
 */
export const badRequestChecks: readonly CheckRef[] = [
  { check: 'status', expect: [400] },
  { check: 'errorBody', onStatus: [400] },
];

export const badRequestCovers = (actionId: ActionId, parameter?: string): string[] => {
  const action = actionById(actionId);
  return [
    ...(parameter ? [queryRow(action, parameter)] : []),
    statusRow(action, 400),
    responseBodyRow(action, 400),
  ];
};
