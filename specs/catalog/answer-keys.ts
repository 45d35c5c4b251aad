import type { DecisionKey } from './decisions';
import type { SchemaName } from './schemas';

/**
 * The keys each answer carries, though the schemas require none: the collection echo (API-wide
 * conventions), the Error's `type` and `message`, and the fields decisions 10 and 11 give every created
 * Workflow and Workflow Version. The consumer pact states these (by type and shape) and nothing more;
 * the run checks the same keys (check `carriesKeys`), so that `run` and `verify` agree.
 */
const COLLECTION_ECHO = [
  'count',
  'totalCount',
  'perPage',
  'page',
  'sortField',
  'sortDirection',
  'applicationId',
];

export const ANSWER_KEYS: Partial<Record<SchemaName, readonly string[]>> = {
  workflows: ['items', ...COLLECTION_ECHO],
  workflowVersions: ['items', ...COLLECTION_ECHO],
  workflow: ['id', 'applicationId', 'creationDate', 'lastUpdated', 'name', 'enabled', 'stats'],
  workflowVersion: ['id', 'flowId', 'applicationId', 'creationDate', 'lastUpdated', 'version', 'enabled'],
  workflowImportResult: ['flows', 'importedFlowIdMap'],
  error: ['type', 'message'],
};

/** Which of those keys rest on a decision (SHOULD in the run) rather than on the reference's conventions. */
export const ANSWER_KEYS_BY_DECISION: Partial<Record<SchemaName, DecisionKey>> = {
  workflow: 'postResult',
  workflowVersion: 'importResult',
  workflowImportResult: 'importResult',
};

/** Where the nested documents of an answer are, and their schema. */
export const NESTED_DOCUMENTS: Partial<Record<SchemaName, Readonly<Record<string, SchemaName>>>> = {
  workflows: { items: 'workflow', customNodes: 'workflow' },
  workflowVersions: { items: 'workflowVersion', customNodes: 'workflow' },
  workflow: { customNodes: 'workflow' },
  workflowImportResult: { flows: 'workflow', flowVersions: 'workflowVersion' },
};
