import { isJsonObject, type JsonValue } from '../model/json';
import { appendPointer } from '../model/json-pointer';

/** One place where two JSON documents differ; `undefined` means the key or item is absent. */
export interface JsonDifference {
  readonly pointer: string;
  readonly expected: JsonValue | undefined;
  readonly actual: JsonValue | undefined;
}

function diffArrays(expected: JsonValue[], actual: JsonValue[], pointer: string): JsonDifference[] {
  const length = Math.max(expected.length, actual.length);
  return Array.from({ length }, (_, index) =>
    diffJson(expected[index], actual[index], appendPointer(pointer, index)),
  ).flat();
}

function diffObjects(
  expected: Record<string, JsonValue>,
  actual: Record<string, JsonValue>,
  pointer: string,
): JsonDifference[] {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return keys.flatMap((key) =>
    diffJson(
      Object.hasOwn(expected, key) ? expected[key] : undefined,
      Object.hasOwn(actual, key) ? actual[key] : undefined,
      appendPointer(pointer, key),
    ),
  );
}

/** Every difference between `expected` and `actual`, deepest first found, each at its JSON pointer. */
export function diffJson(
  expected: JsonValue | undefined,
  actual: JsonValue | undefined,
  pointer = '',
): JsonDifference[] {
  if (Array.isArray(expected) && Array.isArray(actual)) return diffArrays(expected, actual, pointer);
  if (isJsonObject(expected) && isJsonObject(actual)) return diffObjects(expected, actual, pointer);
  return Object.is(expected, actual) ? [] : [{ pointer, expected, actual }];
}

const show = (value: JsonValue | undefined): string =>
  value === undefined ? 'nothing' : JSON.stringify(value);

export const describeDifference = (
  difference: JsonDifference,
  expectedSide: string,
  actualSide: string,
): string =>
  `${difference.pointer || '(root)'}: ${expectedSide} has ${show(difference.expected)}, ${actualSide} has ${show(difference.actual)}`;
