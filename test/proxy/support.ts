import { createMockServer, type FaultName, type MockServer, type VariantName } from '../../src/mock';
import { createConformanceProxy, type ConformanceProxy, type ProxyOptions } from '../../src/proxy';

export interface ProxiedMock {
  readonly mock: MockServer;
  readonly proxy: ConformanceProxy;
  /** The mock's own URL. */
  readonly target: string;
  /** The proxy's URL: what a client calls. */
  readonly url: string;
  close(): Promise<void>;
}

/** The reference mock (or a broken variant of it) behind the proxy, both in-process on loopback. */
export async function proxiedMock(
  faults: readonly FaultName[] = [],
  options: Omit<ProxyOptions, 'target'> = {},
  variant?: VariantName,
): Promise<ProxiedMock> {
  const mock = await createMockServer({ faults, variant });
  const target = await mock.listen(0, '127.0.0.1');
  const proxy = createConformanceProxy({ target, ...options });
  const url = await proxy.listen(0, '127.0.0.1');
  return {
    mock,
    proxy,
    target,
    url,
    close: async () => {
      await proxy.close();
      await mock.close();
    },
  };
}
