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
import type { CheckRef } from '../../src/checks';
import type { ConformanceCase, RequestSpec } from '../../src/engine/case';
import type { Aspect, Level } from '../../src/model/results';

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
  readonly level?: Level;
  readonly decision?: DecisionKey;
  readonly covers?: readonly string[];
  readonly needs?: ConformanceCase['needs'];
  readonly precondition?: ConformanceCase['precondition'];
  readonly requests: readonly RequestSpec[];
  readonly checks: readonly CheckRef[];
}

/** A case from its parts; the id is `<label>: <fact>`. */
export const makeCase = (input: CaseInput): ConformanceCase => ({
  id: `${caseLabel(actionById(input.action))}: ${input.fact}`,
  action: input.action,
  aspect: input.aspect,
  level: input.level ?? 'MUST',
  decision: input.decision,
  covers: input.covers ?? [],
  ...(input.needs && { needs: input.needs }),
  ...(input.precondition && { precondition: input.precondition }),
  requests: input.requests,
  checks: input.checks,
});

export const successOf = (actionId: ActionId): number => successResponse(actionById(actionId)).status;

/** A successful answer of the action: its status and the schema of its body. */
export function successChecks(actionId: ActionId): CheckRef[] {
  const response = successResponse(actionById(actionId));
  return [
    { check: 'status', expect: [response.status] },
    { check: 'schema', schema: response.schema },
    { check: 'carriesKeys', schema: response.schema },
  ];
}

export const successCovers = (actionId: ActionId): string[] => {
  const action = actionById(actionId);
  const status = successResponse(action).status;
  return [statusRow(action, status), responseBodyRow(action, status)];
};

/** A 400 with an Error body (decision 3 makes the refusal of bad values a MUST). */
export const badRequestChecks: readonly CheckRef[] = [
  { check: 'status', expect: [400] },
  { check: 'errorBody' },
];

export const badRequestCovers = (actionId: ActionId, parameter?: string): string[] => {
  const action = actionById(actionId);
  return [
    ...(parameter ? [queryRow(action, parameter)] : []),
    statusRow(action, 400),
    responseBodyRow(action, 400),
  ];
};
