import { isRecord } from '../model/json';

/** Keys whose string values are credentials wherever they appear (login bodies, token answers). */
const SECRET_KEY = /token|password|secret/i;
const MAX_DEPTH = 8;

/** The credentials a JSON body carries under a secret-looking key (the token routes' answers, logins). */
export function secretsInJson(value: unknown, depth = 0): string[] {
  if (depth > MAX_DEPTH) return [];
  if (Array.isArray(value)) return value.flatMap((item) => secretsInJson(item, depth + 1));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    SECRET_KEY.test(key) && typeof item === 'string' && item !== '' ? [item] : secretsInJson(item, depth + 1),
  );
}

export function secretsInText(text: string): string[] {
  if (!/token|password|secret/i.test(text)) return [];
  try {
    return secretsInJson(JSON.parse(text));
  } catch {
    return [];
  }
}

/** The credential of an Authorization header: the token of `Bearer <token>`, else the whole value. */
export function secretOfAuthorization(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const bearer = /^\s*bearer\s+(\S+)/i.exec(value);
  return bearer ? bearer[1] : value.trim();
}
