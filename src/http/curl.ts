import { CUT_MARK, redactCutEdges } from './cut-edges';
import { requestUrl, type HttpRequest } from './transport';

/** Secrets never leave the process: every shown request goes through these. */
export const REDACTED_BEARER = 'Bearer <redacted>';

export function redactHeaderValue(name: string, value: string): string {
  if (name.toLowerCase() !== 'authorization') return value;
  return /^bearer\s/i.test(value) ? REDACTED_BEARER : '<redacted>';
}

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** A bearer token shown as what it is (`Bearer <token with flows.get>`), else redacted. */
function shownHeaderValue(name: string, value: string, authLabel: string | undefined): string {
  if (authLabel !== undefined && name.toLowerCase() === 'authorization' && /^bearer\s/i.test(value))
    return `Bearer <${authLabel.replace(/[<>\r\n]/g, '')}>`;
  return redactHeaderValue(name, value);
}

/**
 * The request as a curl command a person can paste, with the token redacted (named by its scope when
 * the request says). `-g` keeps curl from reading the brackets of `triggerFilter[0][type]` as a glob.
 */
export function toCurl(baseUrl: string, request: HttpRequest): string {
  const url = requestUrl(baseUrl, request);
  const parts = ['curl', ...(/[[\]{}]/.test(url) ? ['-g'] : []), '-X', request.method];
  for (const [name, value] of Object.entries(request.headers)) {
    parts.push('-H', shellQuote(`${name}: ${shownHeaderValue(name, value, request.authLabel)}`));
  }
  if (request.body !== undefined) parts.push('-d', shellQuote(request.body));
  parts.push(shellQuote(url));
  return parts.join(' ');
}

const SECRET_MIN = 8;
const REDACTED = '<redacted>';

/**
 * Removes the given secrets from a text (error messages of a transport, bodies echoing a token), and
 * the part of one that a cut (`…`) left behind, so that an excerpt cut before redaction leaks nothing.
 */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  // Longest first, so that a secret holding another is replaced whole.
  const usable = [...new Set(secrets)].filter((secret) => secret.length >= SECRET_MIN);
  usable.sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of usable) out = out.split(secret).join(REDACTED);
  return redactCutEdges(out, usable, REDACTED);
}

/**
 * At most `max` characters of a body, for failure messages. Given the secrets, they are removed first
 * and the cut made after, never inside a `<redacted>` mark.
 */
export function excerpt(text: string, max = 500, secrets: Iterable<string> = []): string {
  const redacted = redactSecrets(text, secrets);
  if (redacted.length <= max) return redacted;
  let end = max - 1;
  const mark = redacted.lastIndexOf(REDACTED, end);
  if (mark >= 0 && mark + REDACTED.length > end) end = mark;
  return `${redacted.slice(0, end)}${CUT_MARK}`;
}
