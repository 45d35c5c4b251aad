import { BrokerUnreachable, probeBroker } from '../pact/broker-probe';
import { UsageError } from './usage-error';

/** An unreachable broker is a usage error (exit 2, one line), never can-i-deploy's "no" (exit 1). */
export async function reachableBroker(brokerUrl: string): Promise<void> {
  try {
    await probeBroker(brokerUrl);
  } catch (error) {
    if (error instanceof BrokerUnreachable) throw new UsageError(error.message);
    throw error;
  }
}
