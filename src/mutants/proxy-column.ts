import { createMockServer, type FaultName } from '../mock';
import { createConformanceProxy } from '../proxy';
import type { RunReport } from '../engine/results';
import { clientTraffic } from './client-traffic';

/**
 * The proxy's column of the kill matrix: the official `losant-rest` client's ordinary traffic
 * (client-traffic.ts) through the proxy to the mock with one fault on, both on loopback; the proxy's
 * verdicts as a report.
 */
export async function proxyWithFault(fault: FaultName): Promise<RunReport> {
  const mock = await createMockServer({ faults: [fault] });
  try {
    const proxy = createConformanceProxy({ target: await mock.listen(0, '127.0.0.1') });
    try {
      await clientTraffic(await proxy.listen(0, '127.0.0.1'));
      return proxy.log.report();
    } finally {
      await proxy.close();
    }
  } finally {
    await mock.close();
  }
}
