import { requestUrl, type HttpRequest } from './transport';

/** Secrets never leave the process: every shown request goes through these. */
export const REDACTED_BEARER = 'Bearer <redacted>';

export function redactHeaderValue(name: string, value: string): string {
  if (name.toLowerCase() !== 'authorization') return value;
  return /^bearer\s/i.test(value) ? REDACTED_BEARER : '<redacted>';
}

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** The request as a curl command a person can paste, with the token redacted. */
export function toCurl(baseUrl: string, request: HttpRequest): string {
  const parts = ['curl', '-X', request.method];
  for (const [name, value] of Object.entries(request.headers)) {
    parts.push('-H', shellQuote(`${name}: ${redactHeaderValue(name, value)}`));
  }
  if (request.body !== undefined) parts.push('-d', shellQuote(request.body));
  parts.push(shellQuote(requestUrl(baseUrl, request)));
  return parts.join(' ');
}

/** Removes the given secrets from a text (error messages of a transport, bodies echoing a token). */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('<redacted>');
  return out;
}

/** At most `max` characters of a body, for failure messages. */
export function excerpt(text: string, max = 500): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
