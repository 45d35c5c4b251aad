import type { IncomingHttpHeaders } from 'node:http';
import { isSecretName } from '../http/redact';
import { isRecord } from '../model/json';

/** The credentials a JSON value carries under a secret's name, at any depth (walked without recursion). */
export function secretsInJson(root: unknown): string[] {
  const found: string[] = [];
  const pending: { value: unknown; underSecret: boolean }[] = [{ value: root, underSecret: false }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, underSecret } = next;
    if (typeof value === 'string' || typeof value === 'number') {
      if (underSecret && value !== '') found.push(String(value));
    } else if (Array.isArray(value)) for (const item of value) pending.push({ value: item, underSecret });
    else if (isRecord(value))
      for (const [key, item] of Object.entries(value))
        pending.push({ value: item, underSecret: underSecret || isSecretName(key) });
  }
  return found;
}

/** The values of the parameters of a query or form body whose names say secret. */
export function secretsInParameters(text: string): string[] {
  return [...new URLSearchParams(text)]
    .filter(([name, value]) => value !== '' && isSecretName(name))
    .map(([, value]) => value);
}

/** The credentials of a body: a JSON document's, else a form's. */
export function secretsInText(text: string): string[] {
  if (!/token|pass|secret|key|pwd|credential/i.test(text)) return [];
  try {
    return secretsInJson(JSON.parse(text));
  } catch {
    return secretsInParameters(text);
  }
}

/** The credential of an Authorization header: the token of `Bearer <token>`, else the whole value. */
export function secretOfAuthorization(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const bearer = /^\s*(?:bearer|basic|token)\s+(\S+)/i.exec(value);
  return bearer ? bearer[1] : value.trim();
}

/** The credentials of the headers whose names say secret (`Authorization`, `X-Api-Key`, each cookie's value). */
export function secretsInHeaders(
  headers: IncomingHttpHeaders | Readonly<Record<string, string | string[]>>,
): string[] {
  return Object.entries(headers).flatMap(([name, value]) => {
    if (value === undefined || !isSecretName(name)) return [];
    const values = Array.isArray(value) ? value : [value];
    if (/cookie/i.test(name))
      return values.flatMap((one) => one.split(';').map((pair) => pair.slice(pair.indexOf('=') + 1).trim()));
    return values.map(secretOfAuthorization).filter((secret): secret is string => secret !== undefined);
  });
}
