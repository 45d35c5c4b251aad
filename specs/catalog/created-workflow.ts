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
