/**
 * JSON values as block-style YAML 1.2. Strings that could read as anything else are written as JSON
 * strings, which YAML's double-quoted scalars accept unchanged; no dependency for a format this small.
 */

const PLAIN = /^[A-Za-z_/$][A-Za-z0-9_ ./$-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

function scalar(value: unknown): string {
  if (typeof value === 'string')
    return PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}[]`];
    return value.flatMap((item) => {
      const inner = lines(item, indent + '  ');
      const first = inner[0].slice(indent.length + 2);
      return isObject(item) || Array.isArray(item)
        ? isEmpty(item)
          ? [`${indent}- ${first}`]
          : [`${indent}- ${first}`, ...inner.slice(1)]
        : [`${indent}- ${first}`];
    });
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${indent}{}`];
    return entries.flatMap(([key, item]) =>
      (isObject(item) || Array.isArray(item)) && !isEmpty(item)
        ? [`${indent}${scalar(key)}:`, ...lines(item, indent + '  ')]
        : [`${indent}${scalar(key)}: ${lines(item, '')[0]}`],
    );
  }
  return [`${indent}${scalar(value)}`];
}

const isEmpty = (value: object): boolean => Object.keys(value).length === 0;

export const toYaml = (value: unknown): string => lines(value, '').join('\n') + '\n';
