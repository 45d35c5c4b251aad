import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

/** One request the front passed on, and the answer it gave back. */
export interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly body: string;
}

export interface FrontOptions {
  /** After this many requests, every connection is reset (a target that dies). */
  readonly answerFirst?: number;
  /** Rewrites each request path on the way in. */
  readonly rewritePath?: (path: string) => string;
  /** Rewrites each answer on the way out (a server that makes other choices). */
  readonly rewriteAnswer?: (answer: {
    status: number;
    body: string;
    /** The path and headers of the request answered (a target that echoes them). */
    path: string;
    requestHeaders: IncomingMessage['headers'];
  }) => {
    headers: Record<string, string>;
    body: string;
  };
}

export interface LoopbackFront {
  readonly url: string;
  readonly exchanges: readonly Exchange[];
  close(): Promise<void>;
}

async function bodyOf(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A server on 127.0.0.1 in front of another, for tests of how `verify` meets servers it has never seen. */
export async function startFront(targetUrl: string, options: FrontOptions = {}): Promise<LoopbackFront> {
  const exchanges: Exchange[] = [];
  let seen = 0;
  const pass = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    seen += 1;
    if (options.answerFirst !== undefined && seen > options.answerFirst) {
      incoming.socket.resetAndDestroy();
      return;
    }
    const path = options.rewritePath ? options.rewritePath(incoming.url ?? '/') : (incoming.url ?? '/');
    const sent = await bodyOf(incoming);
    const headers = { ...incoming.headers };
    delete headers.host;
    delete headers['content-length'];
    const answer = await request(targetUrl + path, {
      method: (incoming.method ?? 'GET') as 'GET',
      headers,
      body: sent === '' ? undefined : sent,
    });
    const body = await answer.body.text();
    exchanges.push({ method: incoming.method ?? 'GET', path, status: answer.statusCode, body });
    const rewritten = options.rewriteAnswer?.({
      status: answer.statusCode,
      body,
      path,
      requestHeaders: incoming.headers,
    }) ?? {
      headers: { 'content-type': String(answer.headers['content-type'] ?? 'application/json') },
      body,
    };
    outgoing.writeHead(answer.statusCode, rewritten.headers);
    outgoing.end(rewritten.body);
  };
  const server = createServer((incoming, outgoing) => {
    pass(incoming, outgoing).catch(() => incoming.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
