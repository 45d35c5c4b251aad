import { isJsonObject, isRecord, type JsonValue } from './json';

/** RFC 6901 JSON Pointers. */
export const escapePointerToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

const unescapePointerToken = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

export const appendPointer = (pointer: string, token: string | number): string =>
  `${pointer}/${escapePointerToken(String(token))}`;

/** The pointer to a path of keys and indexes: `pointerTo('items', 0, 'name')` is `/items/0/name`. */
export const pointerTo = (...keys: (string | number)[]): string =>
  keys.map((key) => appendPointer('', key)).join('');

export const toPointer = (tokens: readonly string[]): string =>
  tokens.map((token) => '/' + escapePointerToken(token)).join('');

export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer.slice(1).split('/').map(unescapePointerToken);
}

/** The value at `pointer`, or undefined when the pointer leads nowhere. */
export function resolvePointer(document: JsonValue, pointer: string): JsonValue | undefined {
  let current: JsonValue | undefined = document;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(current)) current = /^\d+$/.test(token) ? current[Number(token)] : undefined;
    else if (isJsonObject(current)) current = Object.hasOwn(current, token) ? current[token] : undefined;
    else return undefined;
  }
  return current;
}

/** A copy of `document` with the value at `pointer` replaced (the parent must exist). */
export function replaceAtPointer(document: JsonValue, pointer: string, value: JsonValue): JsonValue {
  const tokens = pointerTokens(pointer);
  if (tokens.length === 0) return value;
  const copy = structuredClone(document);
  // The copy is this function's own, so editing it in place is safe.
  const parent = resolvePointer(copy, toPointer(tokens.slice(0, -1))) as unknown;
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) parent[Number(last)] = value;
  else if (isRecord(parent)) parent[last] = value;
  else throw new Error(`no parent at ${pointer}`);
  return copy;
}
