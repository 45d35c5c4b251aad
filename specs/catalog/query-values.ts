/**
 * The accepted values of the catalog's enum query parameters (flows-actions.md#get-query-params), as
 * constants, so that types (the typed client's `FlowClass`, ...) derive from them.
 */
export const FLOW_CLASSES = ['edge', 'cloud', 'customNode', 'experience'] as const;
export const SORT_FIELDS = ['name', 'id', 'creationDate', 'lastUpdated'] as const;
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export const FILTER_FIELDS = ['name'] as const;

/**
 * The most items a page holds: perPage's default, and its upper bound (a SHOULD of decision 3). Clients of
 * the suite that want all of a small set on one page ask for it.
 */
export const MAX_PER_PAGE = 1000;
