import type { Mismatch } from '../results';
import { pointerTo, sameId } from './answer';

/**
 * What every judge asks of a collection page, written once (API-wide conventions: collections echo the
 * query; flows-actions.md: perPage caps a page): `run`'s checks, `fuzz`'s properties and the model.
 */

/** Echoed fields that hold ids, compared as ids (any case). */
const ID_FIELDS: ReadonlySet<string> = new Set(['applicationId']);

/** Each echoed field that differs from what the query implies, at its pointer. */
export function echoMismatches(
  echo: Readonly<Record<string, unknown>>,
  body: Readonly<Record<string, unknown>>,
): Mismatch[] {
  return Object.entries(echo)
    .filter(([key, value]) => (ID_FIELDS.has(key) ? !sameId(body[key], value) : body[key] !== value))
    .map(([key, value]) => ({ pointer: pointerTo(key), actual: body[key], expected: value }));
}

/** `count` is the number of items, and a page holds at most `perPage` of them. */
export function countMismatches(
  body: Readonly<Record<string, unknown>>,
  items: readonly unknown[],
  perPage: number,
): { readonly count?: Mismatch; readonly perPage?: Mismatch } {
  return {
    ...(body.count !== items.length && {
      count: { pointer: '/count', actual: body.count, expected: items.length },
    }),
    ...(items.length > perPage && {
      perPage: { pointer: '/items', actual: `${items.length} items`, expected: `at most ${perPage}` },
    }),
  };
}
