import http from 'node:http';
import { listenOnLoopback, type ListeningProxy } from '../support/loopback-proxy';

/** One of Prism's validation results, as its `sl-violations` header carries them. */
export interface Violation {
  readonly location: readonly string[];
  readonly severity: string;
  readonly code?: string | number;
  readonly message: string;
}

/** What went through: the request line (no headers, hence no token), the status, Prism's verdict. */
export interface RecordedExchange {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly violations: readonly Violation[];
  /** Sent around Prism, which cannot take it: not validated. */
  readonly bypassedPrism: boolean;
}

export function violationsIn(header: string | string[] | undefined): Violation[] {
  if (header === undefined) return [];
  const parsed: unknown = JSON.parse(Array.isArray(header) ? header.join('') : header);
  if (!Array.isArray(parsed)) throw new Error(`sl-violations is not a list: ${String(header)}`);
  return parsed as Violation[];
}

/** Where a request goes, chosen once its body is in. */
export type Route = (request: http.IncomingMessage, body: Buffer) => string;

/**
 * A loopback proxy that reads each request's body, then forwards it to `route(request, body)`;
 * `onAnswer` sees each exchange before the client gets the answer.
 */
export function startForwardingProxy(
  route: Route,
  onAnswer: (request: http.IncomingMessage, answer: http.IncomingMessage, target: string) => void = () =>
    undefined,
): Promise<ListeningProxy> {
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = route(request, body);
      const url = new URL(target);
      const forwarded = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: request.method,
          path: request.url,
          headers: request.headers,
          agent,
        },
        (answer) => {
          onAnswer(request, answer, target);
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forwarded.on('error', () => response.writeHead(502).end());
      forwarded.end(body);
    });
  });
  return listenOnLoopback(server, agent);
}

/** A body sent as JSON that does not parse. */
export function isBrokenJson(request: http.IncomingMessage, body: Buffer): boolean {
  if (!/json/i.test(request.headers['content-type'] ?? '') || body.length === 0) return false;
  try {
    JSON.parse(body.toString('utf8'));
    return false;
  } catch {
    return true;
  }
}

/**
 * A proxy in front of Prism that records every exchange with the violations Prism found in it.
 * Prism 5.16's proxy never answers a request whose JSON body does not parse (stoplightio/prism#2664),
 * so those go straight to `bypass` (the mock) and are recorded as not validated.
 */
export function startRecordingProxy(
  prismUrl: string,
  bypass: string,
  record: (exchange: RecordedExchange) => void,
): Promise<ListeningProxy> {
  return startForwardingProxy(
    (request, body) => (isBrokenJson(request, body) ? bypass : prismUrl),
    (request, answer, target) =>
      record({
        method: request.method ?? '',
        url: request.url ?? '',
        status: answer.statusCode ?? 0,
        violations: violationsIn(answer.headers['sl-violations']),
        bypassedPrism: target !== prismUrl,
      }),
  );
}
