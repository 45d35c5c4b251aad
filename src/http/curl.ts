import { CUT_MARK } from './cut-edges';
import { REDACTED, redactHeaderValue, redactSecrets } from './redact';
import { requestUrl, type HttpRequest } from './transport';

/** One shell word, whatever it holds. */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

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

/**
 * At most `max` characters of a body, for failure messages. Given the secrets, they are removed first
 * and the cut made after, never inside a redaction mark.
 */
export function excerpt(text: string, max = 500, secrets: Iterable<string> = []): string {
  const redacted = redactSecrets(text, secrets);
  if (redacted.length <= max) return redacted;
  let end = max - 1;
  const mark = redacted.lastIndexOf(REDACTED, end);
  if (mark >= 0 && mark + REDACTED.length > end) end = mark;
  return `${redacted.slice(0, end)}${CUT_MARK}`;
}
