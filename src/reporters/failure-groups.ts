import type { CaseResult, Failure } from '../engine/results';
import { pointerShape } from '../model/rules';

/**
 * Failures grouped by cause: one broken behaviour (Error bodies sent as text) fails a hundred cases with
 * near-identical messages. A group is a rule of the registry (src/model/rules.ts) and where in the body it
 * broke, the pointer's array indexes as `*` (`pageWindow` at `/totalCount`); a failure that names no
 * pointer is grouped by its message shape, the message with what varies from case to case (quoted
 * strings, ids, the run's name prefixes, numbers) replaced by placeholders.
 */

export interface FailureMember {
  readonly result: CaseResult;
  readonly failure: Failure;
}

export interface FailureGroup {
  readonly check: string;
  readonly shape: string;
  readonly members: readonly FailureMember[];
}

/**
 * The message with its variable parts as placeholders: `status <n>, expected <n>`. The key names of a
 * quoted JSON object stay (`{"count":<n>,"totalCount":<n>}`): they say what the rule is about.
 */
export function messageShape(message: string): string {
  const text = message.split('\n')[0].slice(0, SHAPE_INPUT_MAX);
  let offset = 0;
  const parts = text.split(QUOTED).map((part, index) => {
    const at = offset;
    offset += part.length;
    if (index % 2 === 0) return maskValues(part);
    return isKey(text, at, part) ? part : `${part[0]}…${part[0]}`;
  });
  return (
    parts
      .join('')
      // A list of like items is one shape whatever its length: `"…", "…", "…"` is `"…", …`.
      .replace(/([^,;:]+?)(?:, \1)+(?=[,;]|$)/g, '$1, …')
      // The last item of a list the check cut short is a fragment of one.
      .replace(/, …, [^,;]*$/, ', …')
  );
}

/** Quoted strings, captured so that split() keeps them at the odd indexes. */
const QUOTED = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/;

/** A quoted string right after `{` or `,` and before `:` is a key of a JSON object. */
const isKey = (text: string, at: number, part: string): boolean =>
  part.startsWith('"') && /[{,]/.test(text[at - 1] ?? '') && text[at + part.length] === ':';

const maskValues = (text: string): string =>
  text
    .replace(/\b[0-9a-f]{24}\b/gi, '<id>')
    .replace(/\bfc[0-9a-f]{8}-[\w.-]*/g, '<name>')
    .replace(/\b\d+(?:\.\d+)*\b/g, '<n>');

/** Messages are shaped from their start: what varies past it would not make another cause. */
const SHAPE_INPUT_MAX = 300;

/** A failure's cause: its rule and pointer shape when it names a pointer, else its check and message shape. */
function causeOf(failure: Failure): { key: string; check: string; shape: string } {
  const check = failure.rule ?? failure.check;
  const message = messageShape(failure.message);
  if (failure.pointer === undefined) return { key: `${check}\u0000${message}`, check, shape: message };
  const where = pointerShape(failure.pointer);
  // The heading reads as the first member's message; members differ only in what the pointer names.
  return {
    key: `${check}\u0000@${where}`,
    check,
    shape: where === '' ? message : `${message} (at ${where})`,
  };
}

/** Groups of the failures of these cases, the largest first; a case with two causes is in two groups. */
export function groupFailures(results: readonly CaseResult[]): FailureGroup[] {
  const groups = new Map<string, { check: string; shape: string; members: FailureMember[] }>();
  for (const result of results)
    for (const failure of result.failures) {
      const { key, check, shape } = causeOf(failure);
      const group = groups.get(key) ?? { check, shape, members: [] };
      if (!group.members.some((member) => member.result === result)) group.members.push({ result, failure });
      groups.set(key, group);
    }
  return [...groups.values()].sort(
    (a, b) =>
      b.members.length - a.members.length || a.check.localeCompare(b.check) || a.shape.localeCompare(b.shape),
  );
}

/** The first line of a text, for one-line views. */
export const firstLine = (text: string | undefined): string | undefined => text?.split('\n')[0];

const cut = (text: string | undefined, max: number): string | undefined =>
  text === undefined || text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/**
 * `expected …; got …` in one line, from a failure's fields (the message when it has neither); each side
 * at most `max` characters.
 */
export function expectedAndGot(failure: Failure, max = Number.POSITIVE_INFINITY): string {
  const expected = cut(firstLine(failure.expected), max);
  const got = cut(firstLine(failure.actual), max);
  const parts = [expected && `expected ${expected}`, got && `got ${got}`].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : (firstLine(failure.message) ?? '');
}

/** Said once per report, not per failure: what a curl command of a failure needs to reproduce it. */
export const REPRO_NOTE =
  'Each request is shown as a curl command, with the scope of the token it used in place of the token ' +
  '(`Bearer <token with flows.get>`): put a token of that scope there. Requests that read the flows the ' +
  'run created find them only if the run kept them: run again with `--no-cleanup`.';
