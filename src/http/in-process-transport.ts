import type { Server } from 'node:http';
import supertest from 'supertest';
import { parseJson, TransportError, type HttpRequest, type HttpResponse, type Transport } from './transport';

/** supertest against an http.Server of this process (the embedded mock), no port needed. */
export function createInProcessTransport(server: Server, timeoutMs: number): Transport {
  const agent = supertest(server);
  return {
    baseUrl: 'http://in-process',
    async send(request: HttpRequest): Promise<HttpResponse> {
      const started = performance.now();
      const url = request.path + (request.query ? `?${request.query}` : '');
      const method = request.method === 'DELETE' ? 'delete' : request.method === 'POST' ? 'post' : 'get';
      let pending = agent[method](url)
        .timeout(timeoutMs)
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done(null, text));
        });
      for (const [name, value] of Object.entries(request.headers)) pending = pending.set(name, value);
      if (request.body !== undefined) pending = pending.send(request.body);
      try {
        const answer = await pending.ok(() => true);
        const bodyText = typeof answer.body === 'string' ? answer.body : (answer.text ?? '');
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(answer.headers as Record<string, string | string[]>)) {
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        const durationMs = performance.now() - started;
        return { status: answer.status, headers, bodyText, json: parseJson(bodyText), durationMs };
      } catch (error) {
        const timedOut = (error as { timeout?: number }).timeout !== undefined;
        throw new TransportError(
          timedOut ? `no answer within ${timeoutMs} ms` : `connection failed (${(error as Error).message})`,
          timedOut ? 'timeout' : 'connection',
        );
      }
    },
    async close() {},
  };
}
