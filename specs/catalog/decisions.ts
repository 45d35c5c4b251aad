/**
 * Where the reference is silent, a check rests on a decision. Numbers 1-15 are those of
 * ../shared/spec/README.md; P1.. are this project's own (docs/decisions.md). A check built only on a
 * decision is SHOULD-level.
 */
export interface Decision {
  readonly id: string;
  readonly title: string;
  readonly source: 'spec/README.md' | 'docs/decisions.md';
}

const specDecision = (n: number, title: string): Decision => ({
  id: `D${n}`,
  title,
  source: 'spec/README.md',
});
const projectDecision = (n: number, title: string): Decision => ({
  id: `P${n}`,
  title,
  source: 'docs/decisions.md',
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
