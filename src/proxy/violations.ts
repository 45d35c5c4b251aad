import type { Failure } from '../model/results';

/** The response header that carries an exchange's violations (Prism's `sl-violations` is the model). */
export const VIOLATIONS_HEADER = 'x-flows-conformance-violations';

const MAX_MESSAGE = 200;
/** Proxies and clients commonly accept header lines of 8 KiB; the summary stays well below. */
const MAX_HEADER = 4000;

const oneLine = (text: string, max: number): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** Header values are ASCII: JSON with every other character escaped. */
const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

export interface ViolationSummary {
  readonly level: Failure['level'];
  readonly check: string;
  readonly rule: string;
  readonly message: string;
}

export const summarizeViolation = (failure: Failure): ViolationSummary => ({
  level: failure.level,
  check: failure.check,
  rule: failure.location,
  message: oneLine(failure.message, MAX_MESSAGE),
});

/**
 * The header's value: a JSON array of `{level, check, rule, message}`, MUST first, cut to fit one
 * header line (a last `{"more": n}` says how many were left out).
 */
export function violationsHeaderValue(failures: readonly Failure[]): string | undefined {
  if (failures.length === 0) return undefined;
  const ordered = [...failures].sort((a, b) => (a.level === b.level ? 0 : a.level === 'MUST' ? -1 : 1));
  const shown: unknown[] = [];
  for (const [index, failure] of ordered.entries()) {
    const next = [...shown, summarizeViolation(failure)];
    const more = ordered.length - index - 1;
    if (asciiJson(more > 0 ? [...next, { more }] : next).length > MAX_HEADER) {
      return asciiJson([...shown, { more: ordered.length - index }]);
    }
    shown.push(summarizeViolation(failure));
  }
  return asciiJson(shown);
}
