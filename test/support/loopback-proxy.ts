import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningProxy {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Listens on a free loopback port; `close` drops the upstream agent's sockets and every client
 * connection, so that nothing keeps the process alive. Shared by the tests' and the bench's proxies.
 */
export async function listenOnLoopback(server: http.Server, agent: http.Agent): Promise<ListeningProxy> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
