import type { DecisionKey } from './decisions';
import { FILTER_FIELDS, FLOW_CLASSES, MAX_PER_PAGE, SORT_DIRECTIONS, SORT_FIELDS } from './query-values';
import { APPLICATION_ID, routeAt, type RouteSpec } from './routes';
import type { SchemaName } from './schemas';

/**
 * The endpoint catalog: the one place where the contract of the Flows actions is written, from
 * the reference (specs/reference/flows-actions.json). The mock's routes and validation, the conformance
 * cases, the pact interactions, the coverage table and the HTML specification are all derived from it;
 * test/catalog/reference.test.ts proves it agrees with the reference's tables.
 */

export type ActionId = 'flows.get' | 'flows.getByVersion' | 'flows.import' | 'flows.post';

/** How a query value is parsed and validated. */
export type QueryValueKind =
  | { readonly kind: 'enum'; readonly acceptedValues: readonly string[] }
  | { readonly kind: 'nonNegativeInteger'; readonly minimum?: number; readonly shouldMaximum?: number }
  | { readonly kind: 'string' }
  | { readonly kind: 'glob' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'triggerFilter'; readonly schema: SchemaName };

export interface QueryParameter {
  readonly name: string;
  readonly required: boolean;
  readonly description: string;
  readonly value: QueryValueKind;
  /** The default as the reference writes it ('' where it gives none). */
  readonly default: string;
  /** The example exactly as the reference's table gives it (`name=value`, `&`-joined). */
  readonly example: string;
  /**
   * Whether a page echoes it (spec README, API-wide conventions): `always` (its value, the default when
   * not given), `whenGiven`, or never when absent.
   */
  readonly echo?: 'always' | 'whenGiven';
  /** Companion parameters without which it has no effect: `filter` needs `filterField` (the field it globs). */
  readonly needs?: readonly string[];
}

export interface ResponseSpec {
  readonly status: number;
  readonly schema: SchemaName;
  readonly description: string;
}

export interface RequestBodySpec {
  readonly schema: SchemaName;
  /** File under fixtures/reference-examples/ holding the reference's example body. */
  readonly exampleFixture: string;
}

/**
 * What an action does, which decides what its cases and interactions need: a collection read answers
 * a page of the application's flows, an item read one flow, a create makes what its body describes.
 */
export type ActionKind = 'collectionRead' | 'itemRead' | 'create';

/**
 * How a 400 of the action is provoked from its valid request (the cases' status and schema rows, the
 * pact's 400 interaction): one change, so that nothing else can be the reason of the refusal.
 */
export type BadRequestRecipe =
  /** A query value the parameter does not accept (decision 3). */
  | { readonly by: 'query'; readonly parameter: string; readonly value: string }
  /** A body the request schema refuses; `breaks` names the rule. */
  | { readonly by: 'body'; readonly body: Readonly<Record<string, unknown>>; readonly breaks: string }
  /** A value of a path parameter that does not match its pattern. */
  | { readonly by: 'path'; readonly parameter: string; readonly value: string };

export interface ActionSpec extends RouteSpec {
  readonly id: ActionId;
  /** The name of the action in the reference. */
  readonly name: string;
  readonly summary: string;
  readonly kind: ActionKind;
  readonly method: 'GET' | 'POST';
  /** Anchor prefix of the action in flows-actions.md (`get`, `getByVersion`, ...). */
  readonly referenceAnchor: string;
  /** A request is accepted when its token holds at least one of these (literal entries, no patterns). */
  readonly acceptedScopes: readonly string[];
  readonly query: readonly QueryParameter[];
  readonly requestBody?: RequestBodySpec;
  readonly responses: readonly ResponseSpec[];
  readonly badRequest: BadRequestRecipe;
  /** Decisions (docs/reference-decisions.md, docs/decisions.md) that shape this action's behaviour. */
  readonly decisions: readonly DecisionKey[];
}

export { APPLICATION_ID_EXAMPLE } from './routes';

const READ_SCOPES = [
  'all.Application',
  'all.Application.read',
  'all.Organization',
  'all.Organization.read',
  'all.User',
  'all.User.read',
  'flows.*',
] as const;
const WRITE_SCOPES = ['all.Application', 'all.Organization', 'all.User', 'flows.*'] as const;

const INCLUDE_CUSTOM_NODES: QueryParameter = {
  name: 'includeCustomNodes',
  required: false,
  description:
    'If the result of the request should also include the details of any custom nodes referenced by the returned workflows',
  value: { kind: 'boolean' },
  default: 'false',
  example: 'includeCustomNodes=true',
};

const TRIGGER_FILTER: QueryParameter = {
  name: 'triggerFilter',
  required: false,
  description:
    'Array of triggers to filter by - always filters against default flow version. See [Workflow Trigger Filter](schemas.md#workflow-trigger-filter) for more details.',
  value: { kind: 'triggerFilter', schema: 'workflowTriggerFilter' },
  default: '',
  example: 'triggerFilter[0][type]=webhook&triggerFilter[0][key]=575ed78e7ae143cd83dc4aab',
};

/** The collection parameters shared by Get and Get by Version, in the reference's order. */
const COLLECTION_QUERY: readonly QueryParameter[] = [
  {
    name: 'sortField',
    required: false,
    description: 'Field to sort the results by. Accepted values are: name, id, creationDate, lastUpdated',
    value: { kind: 'enum', acceptedValues: SORT_FIELDS },
    default: 'name',
    example: 'sortField=name',
    echo: 'always',
  },
  {
    name: 'sortDirection',
    required: false,
    description: 'Direction to sort the results by. Accepted values are: asc, desc',
    value: { kind: 'enum', acceptedValues: SORT_DIRECTIONS },
    default: 'asc',
    example: 'sortDirection=asc',
    echo: 'always',
  },
  {
    name: 'page',
    required: false,
    description: 'Which page of results to return',
    value: { kind: 'nonNegativeInteger' },
    default: '0',
    example: 'page=0',
    echo: 'always',
  },
  {
    name: 'perPage',
    required: false,
    description: 'How many items to return per page',
    value: { kind: 'nonNegativeInteger', minimum: 1, shouldMaximum: MAX_PER_PAGE },
    default: String(MAX_PER_PAGE),
    example: 'perPage=10',
    echo: 'always',
  },
  {
    name: 'filterField',
    required: false,
    description:
      'Field to filter the results by. Blank or not provided means no filtering. Accepted values are: name',
    value: { kind: 'enum', acceptedValues: FILTER_FIELDS },
    default: '',
    example: 'filterField=name',
    echo: 'whenGiven',
  },
  {
    name: 'filter',
    required: false,
    description:
      'Filter to apply against the filtered field. Supports globbing. Blank or not provided means no filtering.',
    value: { kind: 'glob' },
    default: '',
    example: 'filter=my*flow',
    echo: 'whenGiven',
    needs: ['filterField'],
  },
  {
    name: 'flowClass',
    required: false,
    description:
      'Filter the workflows by the given flow class. Accepted values are: edge, cloud, customNode, experience',
    value: { kind: 'enum', acceptedValues: FLOW_CLASSES },
    default: 'cloud',
    example: 'flowClass=cloud',
    echo: 'always',
  },
];

const VERSION: QueryParameter = {
  name: 'version',
  required: true,
  description: 'Return the workflow versions for the given version.',
  value: { kind: 'string' },
  default: '',
  example: 'version=myVersion',
  // Not echoed: the API-wide conventions list no `version`, and the reference's Workflow Versions
  // example has none, so a correct server may leave it out; no judge asks for it.
};

const COLLECTION_DECISIONS: readonly DecisionKey[] = [
  'authFailures',
  'unknownApplication',
  'queryValidation',
  'paging',
  'sorting',
  'filterGlobbing',
  'flowClassDefault',
  'triggerFilter',
  'includeCustomNodes',
];

/** Decision 3: a value outside the accepted ones. */
const UNACCEPTED_SORT_FIELD: BadRequestRecipe = { by: 'query', parameter: 'sortField', value: 'bogus' };

const MALFORMED = 'Error if malformed request';
const NO_APPLICATION = 'Error if application was not found';

export const ACTIONS: readonly ActionSpec[] = [
  {
    id: 'flows.get',
    name: 'Get',
    summary: 'Returns the flows for an application',
    kind: 'collectionRead',
    method: 'GET',
    pathTemplate: '/applications/{APPLICATION_ID}/flows',
    pathParameters: [APPLICATION_ID],
    referenceAnchor: 'get',
    acceptedScopes: [...READ_SCOPES, 'flows.get'],
    query: [...COLLECTION_QUERY, TRIGGER_FILTER, INCLUDE_CUSTOM_NODES],
    responses: [
      { status: 200, schema: 'workflows', description: 'Collection of flows' },
      { status: 400, schema: 'error', description: MALFORMED },
      { status: 404, schema: 'error', description: NO_APPLICATION },
    ],
    badRequest: UNACCEPTED_SORT_FIELD,
    decisions: COLLECTION_DECISIONS,
  },
  {
    id: 'flows.getByVersion',
    name: 'Get by Version',
    summary: 'Returns the flows by version for an application',
    kind: 'collectionRead',
    method: 'GET',
    pathTemplate: '/applications/{APPLICATION_ID}/flows/version',
    pathParameters: [APPLICATION_ID],
    referenceAnchor: 'getByVersion',
    acceptedScopes: [...READ_SCOPES, 'flows.getByVersion'],
    query: [...COLLECTION_QUERY, VERSION, TRIGGER_FILTER, INCLUDE_CUSTOM_NODES],
    responses: [
      { status: 200, schema: 'workflowVersions', description: 'Collection of flow versions' },
      { status: 400, schema: 'error', description: MALFORMED },
      { status: 404, schema: 'error', description: NO_APPLICATION },
    ],
    badRequest: UNACCEPTED_SORT_FIELD,
    decisions: [...COLLECTION_DECISIONS, 'getByVersion', 'workflowVersionBranches', 'versionSortFields'],
  },
  {
    id: 'flows.import',
    name: 'Import',
    summary: 'Import a set of flows and flow versions',
    kind: 'create',
    method: 'POST',
    pathTemplate: '/applications/{APPLICATION_ID}/flows/import',
    pathParameters: [APPLICATION_ID],
    referenceAnchor: 'import',
    acceptedScopes: [...WRITE_SCOPES, 'flows.import'],
    query: [],
    requestBody: { schema: 'workflowImport', exampleFixture: 'workflow-import.json' },
    responses: [
      { status: 201, schema: 'workflowImportResult', description: 'Successfully imported workflows' },
      { status: 400, schema: 'error', description: MALFORMED },
      { status: 404, schema: 'error', description: NO_APPLICATION },
    ],
    badRequest: {
      by: 'body',
      body: { flows: [{ name: '' }], flowVersions: [] },
      breaks: 'an empty flow name (minLength 1)',
    },
    decisions: ['authFailures', 'unknownApplication', 'importResult', 'importExampleValid', 'bodyLimits'],
  },
  {
    id: 'flows.post',
    name: 'Post',
    summary: 'Create a new flow for an application',
    kind: 'create',
    method: 'POST',
    pathTemplate: '/applications/{APPLICATION_ID}/flows',
    pathParameters: [APPLICATION_ID],
    referenceAnchor: 'post',
    acceptedScopes: [...WRITE_SCOPES, 'flows.post'],
    query: [INCLUDE_CUSTOM_NODES],
    requestBody: { schema: 'workflowPost', exampleFixture: 'workflow-post.json' },
    responses: [
      { status: 201, schema: 'workflow', description: 'Successfully created flow' },
      { status: 400, schema: 'error', description: MALFORMED },
      { status: 404, schema: 'error', description: NO_APPLICATION },
    ],
    badRequest: { by: 'body', body: { name: '' }, breaks: 'an empty name (minLength 1)' },
    decisions: ['authFailures', 'unknownApplication', 'postResult', 'bodyLimits', 'postIncludeCustomNodes'],
  },
];

export function actionById(id: ActionId): ActionSpec {
  const action = ACTIONS.find((candidate) => candidate.id === id);
  if (!action) throw new Error(`unknown action ${id}`);
  return action;
}

export const successResponse = (action: ActionSpec): ResponseSpec =>
  action.responses.find((response) => response.status < 300) as ResponseSpec;

/** A create makes what its body describes: a 4xx of it must create nothing, a 2xx is cleaned up. */
export const isCreate = (action: ActionSpec): boolean => action.kind === 'create';

/** The action a request is for (method and path, without the query), or undefined. */
export const actionAt = (method: string, path: string, actions: readonly ActionSpec[] = ACTIONS) =>
  routeAt(actions, method, path);
