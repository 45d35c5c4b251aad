import { Agent, request as undiciRequest, errors } from 'undici';
import {
  parseJson,
  requestUrl,
  TransportError,
  type HttpRequest,
  type HttpResponse,
  type Transport,
} from './transport';

export interface FetchTransportOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  /** Connections kept to the target: the bound on requests in flight. */
  readonly concurrency: number;
}

function transportError(error: unknown, timeoutMs: number): TransportError {
  if (
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError ||
    error instanceof errors.ConnectTimeoutError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
  ) {
    return new TransportError(`no answer within ${timeoutMs} ms`, 'timeout');
  }
  const cause = error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error);
  return new TransportError(`connection failed (${cause})`, 'connection');
}

/** undici against a URL; each request bounded by timeoutMs from start to last body byte. */
export function createFetchTransport(options: FetchTransportOptions): Transport {
  const agent = new Agent({
    connections: options.concurrency,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connectTimeout: options.timeoutMs,
  });
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    async send(request: HttpRequest): Promise<HttpResponse> {
      const started = performance.now();
      try {
        const answer = await undiciRequest(requestUrl(options.baseUrl, request), {
          method: request.method,
          headers: request.headers,
          body: request.body,
          dispatcher: agent,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const bodyText = await answer.body.text();
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined)
            headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        const durationMs = performance.now() - started;
        return { status: answer.statusCode, headers, bodyText, json: parseJson(bodyText), durationMs };
      } catch (error) {
        throw transportError(error, options.timeoutMs);
      }
    },
    async close() {
      await agent.close().catch(() => agent.destroy());
    },
  };
}
