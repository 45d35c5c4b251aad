/** The JSON Schema files of specs/schemas, by the name the catalog uses for them. */
export const SCHEMA_FILES = {
  error: 'error.json',
  workflow: 'workflow.json',
  workflows: 'workflows.json',
  workflowPost: 'workflow-post.json',
  workflowVersion: 'workflow-version.json',
  workflowVersions: 'workflow-versions.json',
  workflowImport: 'workflow-import.json',
  workflowImportResult: 'workflow-import-result.json',
  workflowTriggerFilter: 'workflow-trigger-filter.json',
  apiTokenPost: 'api-token-post.json',
  apiToken: 'api-token.json',
  authUserPost: 'auth-user-post.json',
  authenticatedUser: 'authenticated-user.json',
} as const;

export type SchemaName = keyof typeof SCHEMA_FILES;

/** The anchors of the reference's schemas.md (specs/reference/schemas.json) that its actions link to, per schema. */
export const SCHEMA_REFERENCE_ANCHORS: Partial<Record<SchemaName, string>> = {
  error: 'schemas.md#error',
  workflow: 'schemas.md#workflow',
  workflows: 'schemas.md#workflows',
  workflowPost: 'schemas.md#workflow-post',
  workflowVersion: 'schemas.md#workflow-version',
  workflowVersions: 'schemas.md#workflow-versions',
  workflowImport: 'schemas.md#workflow-import',
  workflowImportResult: 'schemas.md#workflow-import-result',
  workflowTriggerFilter: 'schemas.md#workflow-trigger-filter',
};
