/**
 * Rewrites that turn the reference mock into a server written by someone else: every answer keeps its
 * meaning and makes the choices the reference leaves open differently. And one rewrite that breaks it.
 */
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const HEX_ID = /^[0-9a-fA-F]{24}$/;

/** The same instant at offset -05:30 with a six-digit fraction: `2016-06-12T22:30:00.000000-05:30`. */
function atOtherOffset(instant: string): string {
  const shifted = new Date(Date.parse(instant) - 330 * 60_000).toISOString();
  return `${shifted.slice(0, 19)}.${shifted.slice(20, 23)}000-05:30`;
}

function transform(value: unknown, leaf: (text: string) => string): unknown {
  if (typeof value === 'string') return leaf(value);
  if (Array.isArray(value)) return value.map((item) => transform(item, leaf));
  if (value === null || typeof value !== 'object') return value;
  // Keys in the reverse order. The keys of importedFlowIdMap stay as the client gave them: they are the
  // client's own ids, which it looks up as it sent them (the pact states them exactly).
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, transform(child, leaf)]),
  );
}

const otherLeaf = (text: string): string =>
  INSTANT.test(text) ? atOtherOffset(text) : HEX_ID.test(text) ? text.toUpperCase() : text;

function parsed(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

export function otherChoices(answer: { status: number; body: string }) {
  const headers = { 'content-type': 'application/json; charset=UTF-8', 'x-request-id': 'other-server-1' };
  const value = parsed(answer.body);
  if (value === undefined) return { headers, body: answer.body };
  const body =
    answer.status >= 400
      ? { message: 'Quelque chose ne va pas.', type: 'AutreErreur', details: ['other'] }
      : transform(value, otherLeaf);
  return { headers, body: JSON.stringify(body, null, 1) };
}

/** The bug: instants without any offset (`2016-06-13T04:00:00.000`), which RFC 3339 forbids. */
export function withoutOffsets(answer: { status: number; body: string }) {
  const value = parsed(answer.body);
  const body =
    value === undefined
      ? answer.body
      : JSON.stringify(transform(value, (text) => (INSTANT.test(text) ? text.slice(0, -1) : text)));
  return { headers: { 'content-type': 'application/json' }, body };
}

/** Ids come back upper-case from the other server; the mock behind it keys them in lower case. */
export const lowerCaseIdsInPath = (path: string): string =>
  path.replace(/\/[0-9a-fA-F]{24}(?=\/|\?|$)/g, (segment) => segment.toLowerCase());
