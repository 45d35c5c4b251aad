import { isDeepStrictEqual } from 'node:util';
import type { Failure } from '../engine/results';
import type { Mismatch } from '../model/results';
import { isRecord } from '../model/json';

/**
 * The values of the answer that broke a failure's rule, for the views that show one line per failure.
 * A failure that carries them (`mismatches`) is taken at its word. Otherwise they are read off its own
 * fields: the object the rule wanted (in `expected`) against the one the message quotes from the answer
 * (`page 0: 3 items, {"count":3,"totalCount":3,…}`), key by key; or a JSON pointer the message names
 * (`/id must be string`) looked up in the answer's body when `actual` holds it whole.
 */
export function mismatchesOf(failure: Failure): readonly Mismatch[] {
  if (failure.mismatches && failure.mismatches.length > 0) return failure.mismatches;
  const wanted = firstJsonObject(failure.expected);
  const quoted = firstJsonObject(failure.message);
  if (wanted && quoted)
    return Object.entries(wanted)
      .filter(([key, value]) => !isDeepStrictEqual(quoted[key], value))
      .map(([key, value]) => ({ pointer: pointerOf([key]), actual: quoted[key], expected: value }));
  const body = bodyOf(failure.actual);
  if (body === undefined) return [];
  return pointersIn(failure.message).flatMap((pointer) => {
    const found = resolve(body, pointer);
    return found.ok ? [{ pointer, actual: found.value }] : [];
  });
}

/** `/totalCount: 3, expected 16`; a key the answer lacks is `missing`. */
export function mismatchText(mismatch: Mismatch): string {
  const show = (value: unknown) => (value === undefined ? 'missing' : JSON.stringify(value));
  const wanted = 'expected' in mismatch ? `, expected ${show(mismatch.expected)}` : '';
  return `${mismatch.pointer || '(the body)'}: ${show(mismatch.actual)}${wanted}`;
}

const pointerOf = (keys: readonly string[]): string =>
  keys.map((key) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** The first balanced `{…}` of a text that parses as a JSON object (strings and escapes respected). */
function firstJsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    const end = matchingBrace(text, start);
    if (end < 0) return undefined;
    try {
      const value: unknown = JSON.parse(text.slice(start, end + 1));
      if (isRecord(value)) return value;
    } catch {
      // Not JSON (a placeholder such as `{case}`): try the next brace.
    }
  }
  return undefined;
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index;
  }
  return -1;
}

/** The body of `actual` (`201 (application/json) {…}`) when it is there whole and is JSON. */
function bodyOf(actual: string | undefined): unknown {
  const match = actual === undefined ? null : /^\d{3} \([^)]*\) ([\s\S]*)$/.exec(actual);
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]) as unknown;
  } catch {
    return undefined;
  }
}

/** JSON pointers a message names as words of their own: `/id`, `/nodes/0/config`. */
const pointersIn = (message: string): string[] => [
  ...new Set([...message.matchAll(/(?<=^|[\s(])(\/[^\s,;:()]+)/g)].map((match) => match[1])),
];

function resolve(body: unknown, pointer: string): { ok: true; value: unknown } | { ok: false } {
  let value = body;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value) && /^\d+$/.test(key) && Number(key) < value.length) value = value[Number(key)];
    else if (isRecord(value) && Object.hasOwn(value, key)) value = value[key];
    else return { ok: false };
  }
  return { ok: true, value };
}
