import { createHash } from 'node:crypto';
import type { ActionId } from '../../specs/catalog';
import type { Aspect } from './results';

/**
 * What a case is, as data: what it sends and what it checks, never its sentence. Its key is derived from
 * this, so that rewording a case's sentence keeps its key (docs/reports.md "Case keys").
 */
export interface CaseSubstance {
  readonly action: ActionId;
  readonly aspect: Aspect;
  /** Anything else that tells this case from the others: requests, checks, set-up piece, precondition. */
  readonly data: unknown;
}

/** JSON with every object's keys in code-point order and undefined fields left out: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, field]) => `${JSON.stringify(name)}:${canonicalJson(field)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `flows.getByVersion` → `get-by-version`. */
const actionSlug = (action: ActionId): string =>
  action.replace(/^flows\./, '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

const HASH_CHARACTERS = 6;

/** The case's stable key: `<action>-<aspect>-<6 hex of the SHA-256 of its canonical data>`, e.g. `get-query-3f2a9c`. */
export function caseKey(substance: CaseSubstance): string {
  const digest = createHash('sha256').update(canonicalJson(substance)).digest('hex');
  return `${actionSlug(substance.action)}-${substance.aspect}-${digest.slice(0, HASH_CHARACTERS)}`;
}

/** What names a result where keys are joined: its key, or its id for a result that has none (proxy traffic). */
export const keyOf = (identity: { readonly id: string; readonly key?: string }): string =>
  identity.key ?? identity.id;
