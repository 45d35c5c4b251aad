import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A hostile (or merely recording) HTTP peer on 127.0.0.1, for the transport and runner tests. */
export interface Peer {
  readonly url: string;
  /** Requests it has received so far. */
  readonly requests: () => number;
  close(): Promise<void>;
}

export async function startPeer(handler: http.RequestListener): Promise<Peer> {
  let requests = 0;
  const server = http.createServer((request, response) => {
    requests += 1;
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Writes `totalBytes` of JSON-ish filler as fast as the reader takes it (respecting backpressure),
 * without a content-length; resolves with the bytes it managed to hand to the socket.
 */
export function streamFiller(response: http.ServerResponse, totalBytes: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let written = 0;
  return new Promise((resolve) => {
    const finish = () => resolve(written);
    response.on('close', finish);
    const pump = () => {
      while (written < totalBytes && !response.destroyed) {
        written += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      response.end();
    };
    response.writeHead(200, { 'content-type': 'application/json' });
    pump();
  });
}
