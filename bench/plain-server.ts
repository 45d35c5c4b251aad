import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The ceiling: plain node:http writing the same bytes to every request; resolves with its URL. */
export async function servePlainBody(body: Buffer): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
