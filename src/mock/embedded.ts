import type { StartEmbedded } from '../target/connect';
import { MOCK_APPLICATION_ID, MOCK_FOREIGN_APPLICATION_ID, MOCK_OTHER_APPLICATION_ID } from './defaults';
import type { VariantName } from './dialect';
import type { FaultName } from './faults';
import { createMockServer } from './server';

export interface EmbeddedMockOptions {
  /** Faults of the embedded mock (tests of the runner, the kill matrix). */
  readonly faults?: readonly FaultName[];
  /** Variant of the embedded mock (tests that the suite accepts a correct server built otherwise). */
  readonly variant?: VariantName;
}

/** The reference mock as the embedded server of a run or a verification (`ConnectOptions.startEmbedded`). */
export const embeddedMock =
  (options: EmbeddedMockOptions = {}): StartEmbedded =>
  async (adminToken) => {
    const mock = await createMockServer({
      adminToken,
      faults: [...(options.faults ?? [])],
      variant: options.variant,
    });
    return {
      server: mock.server,
      applicationId: MOCK_APPLICATION_ID,
      otherApplicationId: MOCK_OTHER_APPLICATION_ID,
      foreignApplicationId: MOCK_FOREIGN_APPLICATION_ID,
      listen: (port, host) => mock.listen(port, host),
      close: () => mock.close(),
    };
  };
