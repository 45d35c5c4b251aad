import { BrokerUnreachable, probeBroker } from '../pact/broker-probe';
import { UnreachableError } from './usage-error';

/** An unreachable broker is exit 3 (one line), never can-i-deploy's "no" (exit 1). */
export async function reachableBroker(brokerUrl: string): Promise<void> {
  try {
    await probeBroker(brokerUrl);
  } catch (error) {
    if (error instanceof BrokerUnreachable) throw new UnreachableError(error.message);
    throw error;
  }
}
