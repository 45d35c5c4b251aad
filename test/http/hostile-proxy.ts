import http from 'node:http';
import { listenOnLoopback } from '../support/loopback-proxy';
import { streamFiller } from './peers';

/** What the proxy does to a request it has turned on; `forward` passes it to the target untouched. */
export type Hostility =
  'forward' | '500' | '503' | 'garbage-json' | '429' | 'huge' | 'reset-mid-body' | 'trickle' | 'escapes';

/** Terminal escapes and other controls a target could answer with (title change, clear screen, bidi). */
export const ESCAPE_BODY =
  '{"message":"\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\u001b[0m \u0008\u000b\u007f\u009b31m \u202eevil"}';

/** A raw control character of any kind but tab and line feed (what a terminal or a reader acts on). */
export const RAW_CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

function misbehave(hostility: Exclude<Hostility, 'forward'>, response: http.ServerResponse): void {
  const json = { 'content-type': 'application/json' };
  switch (hostility) {
    case '500':
    case '503':
      response.writeHead(Number(hostility), json).end('{"type":"Unavailable"}');
      return;
    case 'garbage-json':
      response.writeHead(200, json).end('{"items": [1, 2,');
      return;
    case '429':
      response.writeHead(429, { ...json, 'retry-after': '0' }).end('{"type":"TooManyRequests"}');
      return;
    case 'huge':
      void streamFiller(response, 50 * 1024 * 1024);
      return;
    case 'reset-mid-body':
      response.writeHead(200, { ...json, 'content-length': '1000' });
      response.write('{"items": [', () => response.socket?.resetAndDestroy());
      return;
    case 'trickle': {
      response.writeHead(200, json);
      const timer = setInterval(() => response.write(' '), 20);
      response.on('close', () => clearInterval(timer));
      return;
    }
    case 'escapes':
      response.writeHead(400, json).end(ESCAPE_BODY);
      return;
  }
}

export interface HostileProxy {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of a target that asks `hostility(request)` per request: forwards, or
 * misbehaves in one of the ways a broken or hostile server can.
 */
export async function startHostileProxy(
  target: string,
  hostility: (request: http.IncomingMessage) => Hostility,
): Promise<HostileProxy> {
  const upstreamUrl = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((request, response) => {
    const chosen = hostility(request);
    if (chosen !== 'forward') return misbehave(chosen, response);
    const upstream = http.request(
      {
        host: upstreamUrl.hostname,
        port: upstreamUrl.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  return listenOnLoopback(server, agent);
}
