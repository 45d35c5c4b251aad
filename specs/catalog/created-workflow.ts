/**
 * Decision 10 (and 11 for Import): what a created Workflow holds where the request did not say.
 * The mock fills these in; the `postDefaults` check expects them.
 */
export const CREATED_WORKFLOW_DEFAULTS = {
  flowClass: 'cloud',
  enabled: false,
  triggers: [],
  nodes: [],
  globals: [],
  stats: { runCount: 0, errorCount: 0 },
} as const satisfies Readonly<Record<string, unknown>>;

/**
 * Decision 14: the read-only keys of a Workflow that Workflow Import does not define. Import accepts
 * them (the reference's own example sends some) and ignores them: a created flow never keeps a given one.
 */
export const IMPORT_READ_ONLY_KEYS = [
  'flowId',
  'creationDate',
  'lastUpdated',
  'stats',
  'customNodeUseCount',
  'deletedInDevelop',
] as const;
