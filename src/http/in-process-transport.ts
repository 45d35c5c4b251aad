import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import inject from 'light-my-request';
import { parseJson, TransportError, type HttpRequest, type HttpResponse, type Transport } from './transport';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * light-my-request (fastify's request injection) against the request handler of an http.Server of this
 * process: the request and the answer go through Node's HTTP objects without a socket, at half the CPU
 * of a loopback connection (the kill matrix, fuzz). The server need not listen.
 */
/** The base URL reports show for a server reached in process, without a socket. */
export const IN_PROCESS_BASE_URL = 'http://in-process';

export function createInProcessTransport(server: Server, timeoutMs: number): Transport {
  const [handler] = server.listeners('request') as RequestListener[];
  if (!handler) throw new Error('the in-process server has no request handler');
  return {
    baseUrl: IN_PROCESS_BASE_URL,
    async send(request: HttpRequest): Promise<HttpResponse> {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        const expire = () => reject(new TransportError(`no answer within ${timeoutMs} ms`, 'timeout'));
        timer = setTimeout(expire, timeoutMs);
      });
      try {
        const answer = await Promise.race([
          inject(handler, {
            method: request.method,
            url: request.path + (request.query ? `?${request.query}` : ''),
            headers: request.headers,
            payload: request.body,
          }),
          deadline,
        ]);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(answer.headers))
          if (value !== undefined)
            headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
        return {
          status: answer.statusCode,
          headers,
          bodyText: answer.payload,
          json: parseJson(answer.payload),
          durationMs: performance.now() - started,
        };
      } catch (error) {
        if (error instanceof TransportError) throw error;
        throw new TransportError(`connection failed (${(error as Error).message})`, 'connection');
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {},
  };
}
