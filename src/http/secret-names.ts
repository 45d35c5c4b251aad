/** The one mark a secret leaves wherever it is shown: curl commands, failure messages, report files. */
export const REDACTED = '[REDACTED]';

/** Words that make a name (header, query or form parameter, JSON key) a secret's. */
const SECRET_WORDS = new Set([
  'secret',
  'secrets',
  'token',
  'tokens',
  'password',
  'passwords',
  'passwd',
  'pass',
  'pwd',
  'credential',
  'credentials',
  'apikey',
  'authorization',
  'cookie',
  'cookies',
]);

/** `apiKey`, `x_api_key`, `Access-Token` → its words in lower case. */
const wordsOf = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** What makes a `key` a credential's (`apiKey`, `X-Api-Key`, `accessKey`): not `triggerFilter[0][key]`. */
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'secret',
  'private',
  'client',
  'auth',
  'app',
  'application',
  'signing',
  'session',
  'master',
  'encryption',
  'license',
  'subscription',
  'account',
  'service',
]);

/** A cheap first look: every secret's name holds one of these (percent-encoded ones go the long way). */
const MAYBE_SECRET_NAME = /secret|token|pass|pwd|credential|key|authorization|cookie|%/i;

/**
 * Whether a name says it holds a secret: a secret word anywhere in it (`access_token`, `clientSecret`,
 * `Set-Cookie`), or a `key` that a qualifier makes a credential (`apiKey`, `X-Api-Key`). A bare `key` is
 * not: it is a field of the Flows schema (the keys of triggers and custom nodes, `triggerFilter[0][key]`).
 */
export function isSecretName(name: string): boolean {
  if (!MAYBE_SECRET_NAME.test(name)) return false;
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // a malformed escape: the name as it is
  }
  const words = wordsOf(decoded);
  return words.some(
    (word, index) =>
      SECRET_WORDS.has(word) || (word === 'key' && index > 0 && KEY_QUALIFIERS.has(words[index - 1])),
  );
}

/** A value that already shows no secret: a placeholder such as `<token with flows.get>`, or the mark. */
const PLACEHOLDER = /^(?:bearer\s+)?(?:<[^<>]*>|\[REDACTED\])$/i;

/** A header's value as it may be shown: the scheme of an Authorization kept (`Bearer [REDACTED]`). */
export function redactHeaderValue(name: string, value: string): string {
  if (!isSecretName(name) || PLACEHOLDER.test(value.trim())) return value;
  const scheme = /^(bearer|basic|token)\s/i.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

/** Where a name stands before its value: a JSON key, a query or form parameter, a header line. */
const NAMES = new RegExp(
  [
    String.raw`"(?<json>[^"\\]{1,128})"\s*:\s*`,
    String.raw`(?:^|[?&;])(?<param>[^=&?#;\s'"<>]{1,128})=`,
    String.raw`(?:^|(?<=[\s'"]))(?<header>[A-Za-z][\w-]{0,127}):[ \t]*`,
  ].join('|'),
  'gm',
);

const JSON_STRING = String.raw`"(?:[^"\\]|\\.)*(?:"|$)`;
const JSON_SCALAR = String.raw`-?\d[\w.+-]*|true|false`;
/** A JSON value read from where it starts: a string (or the rest of one cut short), a scalar, a flat array or object. */
const JSON_VALUE_AT = new RegExp(
  `${JSON_STRING}|\\[[^\\[\\]{}]*\\]?|\\{[^\\[\\]{}]*\\}?|${JSON_SCALAR}`,
  'y',
);
/** The strings and scalars of a flat array or object, each key followed by its colon. */
const JSON_TOKENS = new RegExp(`${JSON_STRING}(?:\\s*:)?|${JSON_SCALAR}`, 'g');
const PARAM_VALUE_AT = /[^&#;\s'"<>]*/y;
const HEADER_VALUE_AT = /[^\r\n'"]*/y;

const headerNamed = (name: string): boolean =>
  isSecretName(name) && (name.includes('-') || /^(authorization|cookie)$/i.test(name));

const valueAt = (pattern: RegExp, text: string, at: number): string => {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? '';
};

/** The value under a secret's name, redacted: each scalar of an array or object, else the whole. */
function redactedValue(kind: 'json' | 'param' | 'header', name: string, value: string): string {
  if (kind === 'param') return REDACTED;
  if (kind === 'header') return redactHeaderValue(name, value);
  if (/^[[{]/.test(value))
    return value.replace(JSON_TOKENS, (token) => (/:$/.test(token) ? token : `"${REDACTED}"`));
  return `"${REDACTED}"`;
}

/**
 * The text with every secret that stands under a secret's name replaced by the mark, in one pass over
 * any text: a JSON member whose key names a secret (its string, number, or flat array or object of
 * them; at any depth, as the text is not parsed, and in a JSON text cut short), a query or form
 * parameter (`?access_token=`, `&password=`), a header line (`X-Api-Key: ...`, `Authorization: ...`).
 */
export function redactByStructure(text: string): string {
  let out = '';
  let at = 0;
  NAMES.lastIndex = 0;
  for (let match = NAMES.exec(text); match; match = NAMES.exec(text)) {
    const { json, param, header } = match.groups as Record<string, string | undefined>;
    const kind = json !== undefined ? 'json' : param !== undefined ? 'param' : 'header';
    const name = (json ?? param ?? header) as string;
    if (kind === 'header' ? !headerNamed(name) : !isSecretName(name)) continue;
    const valueStart = match.index + match[0].length;
    const pattern = kind === 'json' ? JSON_VALUE_AT : kind === 'param' ? PARAM_VALUE_AT : HEADER_VALUE_AT;
    const value = valueAt(pattern, text, valueStart);
    if (value === '' || PLACEHOLDER.test(value.trim()) || value === `"${REDACTED}"`) continue;
    out += text.slice(at, valueStart) + redactedValue(kind, name, value);
    at = valueStart + value.length;
    NAMES.lastIndex = at;
  }
  return at === 0 ? text : out + text.slice(at);
}
