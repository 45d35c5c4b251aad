import type { SchemaName } from '../../specs/catalog';

/**
 * What this consumer reads of each body: a pact states those keys (by type and shape) and nothing
 * more, so that a provider stays free in everything else the schemas allow.
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

export const CONSUMER_READS: Partial<Record<SchemaName, readonly string[]>> = {
  workflows: ['items', ...COLLECTION_ECHO],
  workflowVersions: ['items', ...COLLECTION_ECHO],
  workflow: ['id', 'applicationId', 'creationDate', 'lastUpdated', 'name', 'enabled', 'stats'],
  workflowVersion: ['id', 'flowId', 'applicationId', 'creationDate', 'lastUpdated', 'version', 'enabled'],
  workflowImportResult: ['flows', 'importedFlowIdMap'],
  error: ['type', 'message'],
};
