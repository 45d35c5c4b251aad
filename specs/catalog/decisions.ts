/** Decisions 1-15, where the reference is silent, and the API-wide conventions (the package holds it). */
export const REFERENCE_DECISIONS_DOC = 'docs/reference-decisions.md';
/** The project's own decisions, P1.. (the package holds it). */
export const PROJECT_DECISIONS_DOC = 'docs/decisions.md';

/** Where a rule that holds for every action of the API is written. */
export const apiConventions = (which?: string): string =>
  `${REFERENCE_DECISIONS_DOC} API-wide conventions${which ? ` (${which})` : ''}`;

/**
 * Where the reference is silent, a check rests on a decision: D1-D15 those of
 * docs/reference-decisions.md, P1.. the project's own (docs/decisions.md). A check built only on a
 * decision is SHOULD-level.
 */
export interface Decision {
  readonly id: string;
  readonly title: string;
  readonly source: typeof REFERENCE_DECISIONS_DOC | typeof PROJECT_DECISIONS_DOC;
}

const specDecision = (n: number, title: string): Decision => ({
  id: `D${n}`,
  title,
  source: REFERENCE_DECISIONS_DOC,
});
const projectDecision = (n: number, title: string): Decision => ({
  id: `P${n}`,
  title,
  source: PROJECT_DECISIONS_DOC,
});

export const DECISIONS = {
  authFailures: specDecision(1, 'Auth failures'),
  unknownApplication: specDecision(2, 'Unknown application'),
  queryValidation: specDecision(3, 'Query validation'),
  paging: specDecision(4, 'Paging'),
  sorting: specDecision(5, 'Sorting'),
  filterGlobbing: specDecision(6, 'Filter globbing'),
  flowClassDefault: specDecision(7, 'flowClass default'),
  triggerFilter: specDecision(8, 'triggerFilter'),
  includeCustomNodes: specDecision(9, 'includeCustomNodes'),
  postResult: specDecision(10, 'Post result'),
  importResult: specDecision(11, 'Import result'),
  getByVersion: specDecision(12, 'Get by Version'),
  workflowVersionBranches: specDecision(13, 'Workflow Version keyed by flowClass'),
  importExampleValid: specDecision(14, 'The Import example is valid'),
  tokenScopes: specDecision(15, 'Token scopes'),
  versionSortFields: projectDecision(1, 'Get by Version sorts by the version’s own fields'),
  bodyLimits: projectDecision(2, 'Request body size limit and content type'),
  postIncludeCustomNodes: projectDecision(3, 'Post with includeCustomNodes'),
  importDefaultVersion: projectDecision(4, 'Import and a flow’s default version'),
  queryEdges: projectDecision(5, 'Query edge cases: repeated, blank and differently cased parameters'),
} as const satisfies Record<string, Decision>;

export type DecisionKey = keyof typeof DECISIONS;
