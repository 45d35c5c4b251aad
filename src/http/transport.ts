/**
 * One transport, two implementations: fetch (undici) against a URL, or light-my-request against an in-process
 * http.Server. The engine and the credentials only ever see this interface.
 */
export type Method = 'GET' | 'POST' | 'DELETE';

export interface HttpRequest {
  readonly method: Method;
  /** Path from the API root, without the query: `/applications/575e.../flows`. */
  readonly path: string;
  /** Raw query string without `?`, already encoded (bracket keys like `triggerFilter[0][type]` kept). */
  readonly query?: string;
  /** Header names in lower case. `authorization` is redacted wherever a request is shown. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body exactly as sent. */
  readonly body?: string;
  /**
   * What the bearer token is, for showing the request (`token with flows.get`): a curl command names
   * the token a person must put there instead of a bare `[REDACTED]`. Never sent.
   */
  readonly authLabel?: string;
}

/** The outcome of parsing a body as JSON: a non-JSON body is a check failure, never a crash. */
export type JsonParse =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyText: string;
  readonly json: JsonParse;
  readonly durationMs: number;
}

/**
 * Why a request got no usable answer: `connection` refused or reset (also mid-body), `timeout` no
 * complete answer within the deadline, `too-large` a body past the cap, `throttled` 429 beyond the
 * retries the transport allows.
 */
export type TransportErrorKind = 'connection' | 'timeout' | 'too-large' | 'throttled';

/** The request never got a usable answer; the message is one line, fit for a report. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    readonly kind: TransportErrorKind,
  ) {
    super(message);
  }
}

export interface Transport {
  /** Base URL shown in reports and curl commands (never with credentials). */
  readonly baseUrl: string;
  send(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/**
 * Deepest nesting of arrays and objects the suite parses in an answer. A body already capped in bytes
 * (maxResponseBytes) can still nest millions deep, which costs the parser and every walk of the value
 * far more than its size; no Workflow needs a fraction of this.
 */
export const MAX_JSON_DEPTH = 512;

/** Whether the JSON text nests arrays and objects deeper than `limit` (one pass, strings skipped). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index += 1; // the escaped character, whatever it is
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return false;
}

export function parseJson(bodyText: string): JsonParse {
  if (bodyText.trim() === '') return { ok: false, error: 'the body is empty' };
  if (nestsDeeperThan(bodyText, MAX_JSON_DEPTH))
    return { ok: false, error: `the body nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels` };
  try {
    return { ok: true, value: JSON.parse(bodyText) as unknown };
  } catch {
    // The parser's own words (`Unexpected token 'A', "Authorizat"...`) help no one; the excerpt shows the body.
    return { ok: false, error: 'the body is not JSON' };
  }
}

export const requestUrl = (baseUrl: string, request: Pick<HttpRequest, 'path' | 'query'>): string =>
  baseUrl.replace(/\/+$/, '') + request.path + (request.query ? `?${request.query}` : '');

export const JSON_HEADERS = { accept: 'application/json', 'content-type': 'application/json' } as const;

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
