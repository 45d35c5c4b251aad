import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { HOP_BY_HOP_HEADERS } from '../http/hop-by-hop';

type HeaderValue = string | string[] | number | undefined;

/** The header names the Connection header lists, which are hop-by-hop too. */
function connectionOptions(value: HeaderValue): Set<string> {
  const text = Array.isArray(value) ? value.join(',') : String(value ?? '');
  return new Set(
    text
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** The end-to-end headers only: hop-by-hop ones dropped, and `drop` besides. */
export function endToEnd(
  headers: Readonly<Record<string, HeaderValue>>,
  drop: readonly string[] = [],
): Record<string, string | string[]> {
  const listed = connectionOptions(headers.connection);
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || HOP_BY_HOP_HEADERS.has(lower) || listed.has(lower) || drop.includes(lower))
      continue;
    kept[lower] = typeof value === 'number' ? String(value) : value;
  }
  return kept;
}

/**
 * What goes to the target: the client's end-to-end headers. `host` is the target's own (undici sets
 * it from the URL), and `expect` is answered by the proxy itself (Node sends 100 Continue).
 */
export const forwardedRequestHeaders = (headers: IncomingHttpHeaders): Record<string, string | string[]> =>
  endToEnd(headers, ['host', 'expect']);

/** What goes back to the client: the target's end-to-end headers. */
export const forwardedResponseHeaders = (
  headers: Readonly<Record<string, HeaderValue>>,
): OutgoingHttpHeaders => endToEnd(headers);

/** One string per header, as the checks read them (names in lower case, repeated values joined). */
export const flatHeaders = (headers: Readonly<Record<string, HeaderValue>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value)]),
  );
