import { encodeTypedQuery, type TriggerFilterEntry } from '../model/query-codec';
import type { FilterField, FlowClass, SortDirection, SortField } from './types';

export type { TriggerFilterEntry };

/**
 * The query of Get (flows-actions.md#get-query-params). test/client/query-types.test.ts fails when these
 * names or value types drift from the catalog's.
 */
export interface FlowsQuery {
  readonly sortField?: SortField;
  readonly sortDirection?: SortDirection;
  readonly page?: number;
  readonly perPage?: number;
  readonly filterField?: FilterField;
  readonly filter?: string;
  readonly flowClass?: FlowClass;
  readonly triggerFilter?: readonly TriggerFilterEntry[];
  readonly includeCustomNodes?: boolean;
}

/** The query of Get by Version: Get's, plus the required `version`. */
export interface FlowVersionsQuery extends FlowsQuery {
  readonly version: string;
}

/** The query of Post. */
export interface PostQuery {
  readonly includeCustomNodes?: boolean;
}

/** `?a=1&triggerFilter[0][type]=webhook` (the catalog's codec), or '' for no query. */
export function serializeQuery(query: object | undefined): string {
  const text = encodeTypedQuery(query);
  return text === '' ? '' : `?${text}`;
}
