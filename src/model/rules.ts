import { apiConventions } from '../../specs/catalog';

/**
 * The one registry of rules: every judge (`run`'s checks, `fuzz`'s properties, `explore`'s model) names
 * the rule it finds broken by one of these codes, and a Failure carries it with a JSON pointer into the
 * body. The first eighteen are the checks of src/checks (CHECKS); the others are rules only a generated
 * or model-compared answer meets.
 *
 * - `MUST`: the reference, an RFC or HTTP semantics states the rule, whatever the case's premise;
 * - `SHOULD`: only a decision states it;
 * - `expectation`: MUST, but what it expects follows from the request sent; where that request rests on a
 *   decision, so does the expectation (SHOULD).
 */
export type RuleLevel = 'MUST' | 'SHOULD' | 'expectation';

export interface RuleEntry {
  readonly level: RuleLevel;
  /** Where the rule is stated. */
  readonly rule: string;
}

/** The rules of the checks of src/checks (CHECKS), one per check and named as it. */
export const CHECK_RULE_ENTRIES = {
  status: { level: 'expectation', rule: 'flows-actions.md: the statuses of each action' },
  errorBody: { level: 'MUST', rule: `schemas.md#error; ${apiConventions('errors are JSON')}` },
  schema: { level: 'MUST', rule: 'specs/schemas: the schema of the status received' },
  carriesKeys: { level: 'MUST', rule: `${apiConventions()}; decisions 10 and 11 for created documents` },
  wwwAuthenticate: { level: 'MUST', rule: 'RFC 7235 §3.1, RFC 6750 §3' },
  noLeak: { level: 'MUST', rule: `${apiConventions('a token reaches its own application')}` },
  collectionEcho: { level: 'MUST', rule: apiConventions('collection responses echo the query') },
  itemSet: { level: 'expectation', rule: 'flows-actions.md: the query parameters' },
  sortedBy: { level: 'expectation', rule: 'flows-actions.md: sortField, sortDirection' },
  pageWindow: { level: 'expectation', rule: 'flows-actions.md: page, perPage; the collection echo' },
  pagesPartition: { level: 'MUST', rule: 'flows-actions.md: page (from 0), perPage: pages repeat no item' },
  customNodes: { level: 'SHOULD', rule: 'docs/reference-decisions.md decision 9; docs/decisions.md P3' },
  roundTrip: { level: 'MUST', rule: 'flows-actions.md#post-body: what is stored is what is read' },
  postDefaults: { level: 'SHOULD', rule: 'docs/reference-decisions.md decision 10' },
  importMaps: {
    level: 'MUST',
    rule: 'schemas.md#workflow-import-result: the maps agree with the documents (fresh ids: decision 11, SHOULD)',
  },
  importDefaults: { level: 'SHOULD', rule: 'docs/reference-decisions.md decisions 11 and 14' },
  nothingCreated: { level: 'MUST', rule: 'RFC 9110 §15.5: a request refused with a 4xx changes no state' },
  noForeignData: { level: 'MUST', rule: apiConventions('a token reaches its own application') },
} as const satisfies Record<string, RuleEntry>;

export const RULES = {
  ...CHECK_RULE_ENTRIES,
  serverError: { level: 'MUST', rule: `${apiConventions()}: never a 5xx for a client's request` },
  jsonBody: { level: 'MUST', rule: apiConventions('answers are JSON') },
  listedStatus: { level: 'MUST', rule: 'flows-actions.md: only the statuses each action lists' },
  answered: { level: 'MUST', rule: 'an answer within the per-request timeout' },
  freshInstants: {
    level: 'SHOULD',
    rule: 'docs/reference-decisions.md decision 10 (creationDate, lastUpdated)',
  },
  createdIdentity: {
    level: 'SHOULD',
    rule: 'docs/reference-decisions.md decision 10 (flowId, applicationId)',
  },
  filledDefaults: { level: 'SHOULD', rule: 'docs/reference-decisions.md decisions 10 and 14' },
  defaultVersion: { level: 'SHOULD', rule: 'docs/decisions.md P4' },
  freshIds: { level: 'SHOULD', rule: 'docs/reference-decisions.md decision 11' },
} as const satisfies Record<string, RuleEntry>;

export type RuleCode = keyof typeof RULES;

/** JSON pointer shape: array indexes as `*` (`/items/3/name` is `/items/*\/name`), for grouping. */
export const pointerShape = (pointer: string): string => pointer.replace(/\/\d+(?=\/|$)/g, '/*');
