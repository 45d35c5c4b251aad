import http from 'node:http';
import { listenOnLoopback } from '../test/support/loopback-proxy';

/**
 * A loopback proxy in front of a target: forwards every request, delaying each answer by `delayMs`.
 * `behaviour()` is asked per request, so that tests can make the target hang or answer HTML mid-run.
 */
export type ProxyBehaviour = 'forward' | 'hang' | 'html';

/** A request as the proxy forwarded it, for the bench to replay (in memory only: it carries tokens). */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface ProxyOptions {
  readonly target: string;
  readonly delayMs?: number;
  readonly behaviour?: () => ProxyBehaviour;
  readonly record?: (request: RecordedRequest) => void;
}

export interface LatencyProxy {
  readonly url: string;
  close(): Promise<void>;
}

export async function startLatencyProxy(options: ProxyOptions): Promise<LatencyProxy> {
  const target = new URL(options.target);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((request, response) => {
    const behaviour = options.behaviour?.() ?? 'forward';
    if (behaviour === 'hang') return; // never answers; the client's timeout ends it
    if (behaviour === 'html') {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html><body>Service Unavailable</body></html>');
      return;
    }
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () =>
          setTimeout(
            () => response.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks)),
            options.delayMs ?? 0,
          ),
        );
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
    const { record } = options;
    if (!record) return;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      record({
        method: request.method ?? 'GET',
        path: request.url ?? '/',
        headers: Object.fromEntries(
          Object.entries(request.headers).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host',
          ),
        ),
        body: Buffer.concat(chunks).toString('utf8'),
      });
    });
  });
  return listenOnLoopback(server, agent);
}
