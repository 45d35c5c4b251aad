import type { ActionSpec } from './actions';

/**
 * The rows of the reference's tables for one action: each accepted scope, path component, query
 * parameter, status code
 * and body type. A case names the rows it checks in `covers`; the coverage table maps every row to its
 * cases, and a row with none is reported as uncovered.
 */
export interface ReferenceRow {
  /** `flows.get scope flows.get`, `flows.get query sortField`, `flows.get status 404`, ... */
  readonly id: string;
  readonly kind: 'scope' | 'path' | 'query' | 'status' | 'requestBody' | 'responseBody';
  readonly label: string;
}

export const scopeRow = (action: ActionSpec, scope: string): string => `${action.id} scope ${scope}`;
export const pathRow = (action: ActionSpec, name: string): string => `${action.id} path ${name}`;
export const queryRow = (action: ActionSpec, name: string): string => `${action.id} query ${name}`;
export const statusRow = (action: ActionSpec, status: number): string => `${action.id} status ${status}`;
export const requestBodyRow = (action: ActionSpec): string => `${action.id} requestBody`;
export const responseBodyRow = (action: ActionSpec, status: number): string =>
  `${action.id} responseBody ${status}`;

export function referenceRows(action: ActionSpec): readonly ReferenceRow[] {
  const rows: ReferenceRow[] = [];
  for (const scope of action.acceptedScopes)
    rows.push({ id: scopeRow(action, scope), kind: 'scope', label: scope });
  for (const parameter of action.pathParameters)
    rows.push({ id: pathRow(action, parameter.name), kind: 'path', label: parameter.name });
  for (const parameter of action.query)
    rows.push({ id: queryRow(action, parameter.name), kind: 'query', label: parameter.name });
  for (const response of action.responses)
    rows.push({ id: statusRow(action, response.status), kind: 'status', label: String(response.status) });
  if (action.requestBody)
    rows.push({ id: requestBodyRow(action), kind: 'requestBody', label: action.requestBody.schema });
  for (const response of action.responses)
    rows.push({
      id: responseBodyRow(action, response.status),
      kind: 'responseBody',
      label: `${response.status} ${response.schema}`,
    });
  return rows;
}
