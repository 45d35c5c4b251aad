import qs from 'qs';
import type { FilterField, FlowClass, SortDirection, SortField } from './types';

/** One entry of `triggerFilter` (schemas.md#workflow-trigger-filter): type and key both optional. */
export interface TriggerFilterEntry {
  readonly type?: string;
  readonly key?: string;
}

/** The query of Get (flows-actions.md#get-query-params). */
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

/**
 * `a=1&triggerFilter[0][type]=webhook`: brackets stay readable (as the reference writes them), values
 * are percent-encoded, undefined keys are left out.
 */
export function serializeQuery(query: object | undefined): string {
  if (!query) return '';
  const text = qs.stringify(query, { encodeValuesOnly: true, arrayFormat: 'indices', skipNulls: true });
  return text === '' ? '' : `?${text}`;
}
