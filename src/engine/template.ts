import { createHash } from 'node:crypto';
import type { JsonValue } from '../model/json';

/**
 * Placeholders of the case tables: `{run}`, `{data}`, `{versions}`, `{case}` (prefixes), `{DATA}` and
 * `{VERSIONS}` (those prefixes upper-cased, for case-(in)sensitivity cases), `{id:<key>}` (id of a data-set flow),
 * `{application}` (the id of the application under test).
 */
export type Placeholders = Readonly<Record<string, string>>;

export function expandText(text: string, values: Placeholders): string {
  return text.replace(/\{([A-Za-z]+(?::[A-Za-z0-9-]+)?)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function expandJson(value: JsonValue, values: Placeholders): JsonValue {
  if (typeof value === 'string') return expandText(value, values);
  if (Array.isArray(value)) return value.map((item: JsonValue) => expandJson(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandJson(item, values)]));
  }
  return value;
}

/** A case's own prefix under the run's: stable per case id, so a rerun of one case is recognisable. */
export const casePrefix = (run: string, caseId: string): string =>
  `${run}c${createHash('sha1').update(caseId).digest('hex').slice(0, 8)}-`;

export function prefixPlaceholders(run: string): Record<string, string> {
  const data = `${run}d-`;
  const versions = `${run}v-`;
  return {
    run,
    data,
    DATA: data.toUpperCase(),
    versions,
    VERSIONS: versions.toUpperCase(),
    vcustom: `${run}n-`,
    cross: `${run}x-`,
  };
}
