import { Agent, request as undiciRequest, errors } from 'undici';
import { declaredTooLarge, readCappedText, tooLarge } from './body-reader';
import { DEFAULT_THROTTLE, sendHonouringThrottle, type ThrottlePolicy } from './throttle';
import {
  parseJson,
  requestUrl,
  TransportError,
  type HttpRequest,
  type HttpResponse,
  type Transport,
} from './transport';

/** The body read of one response stops here unless configured otherwise (`--max-response-bytes`). */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export interface FetchTransportOptions {
  readonly baseUrl: string;
  /** Deadline of one response, from sending to its last body byte (also the idle and connect timeouts). */
  readonly timeoutMs: number;
  /** Connections kept to the target: the bound on requests in flight. */
  readonly concurrency: number;
  /** A body longer than this is not read further: the request fails with `response larger than N bytes`. */
  readonly maxResponseBytes?: number;
  /** How a 429 is waited out (Retry-After honoured up to a cap). */
  readonly throttle?: Partial<ThrottlePolicy>;
}

const isTimeout = (error: unknown): boolean =>
  error instanceof errors.HeadersTimeoutError ||
  error instanceof errors.BodyTimeoutError ||
  error instanceof errors.ConnectTimeoutError ||
  (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));

function transportError(error: unknown, deadline: AbortSignal, timeoutMs: number, midBody: boolean) {
  if (error instanceof TransportError) return error;
  if (deadline.aborted || isTimeout(error)) {
    return new TransportError(
      midBody ? `the answer did not end within ${timeoutMs} ms` : `no answer within ${timeoutMs} ms`,
      'timeout',
    );
  }
  const cause = error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error);
  return new TransportError(
    midBody ? `connection failed mid-body (${cause})` : `connection failed (${cause})`,
    'connection',
  );
}

const headerRecord = (raw: Record<string, string | string[] | undefined>): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
};

/**
 * undici against a URL. Each response is bounded by timeoutMs from sending to its last body byte (a
 * trickling body cannot hold a case for minutes) and by maxResponseBytes; redirects are never followed
 * (a 3xx is an answer like any other); a 429 is retried as its Retry-After asks, within a cap.
 */
export function createFetchTransport(options: FetchTransportOptions): Transport {
  const { timeoutMs } = options;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const throttle: ThrottlePolicy = { ...DEFAULT_THROTTLE, ...options.throttle };
  const agent = new Agent({
    connections: options.concurrency,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connectTimeout: timeoutMs,
  });

  async function attempt(request: HttpRequest): Promise<HttpResponse> {
    const started = performance.now();
    const deadline = AbortSignal.timeout(timeoutMs);
    let midBody = false;
    try {
      // undici's request() follows no redirect (no redirect interceptor is installed), by design.
      const answer = await undiciRequest(requestUrl(options.baseUrl, request), {
        method: request.method,
        headers: request.headers,
        body: request.body,
        dispatcher: agent,
        signal: deadline,
      });
      midBody = true;
      if (declaredTooLarge(answer.headers['content-length'], maxBytes)) {
        answer.body.destroy();
        throw tooLarge(maxBytes);
      }
      const bodyText = await readCappedText(answer.body, maxBytes);
      const durationMs = performance.now() - started;
      const headers = headerRecord(answer.headers);
      return { status: answer.statusCode, headers, bodyText, json: parseJson(bodyText), durationMs };
    } catch (error) {
      throw transportError(error, deadline, timeoutMs, midBody);
    }
  }

  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    send: (request) => sendHonouringThrottle(() => attempt(request), throttle),
    async close() {
      await agent.close().catch(() => agent.destroy());
    },
  };
}
