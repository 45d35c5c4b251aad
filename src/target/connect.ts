import { randomBytes } from 'node:crypto';
import { createMockServer } from '../mock';
import {
  MOCK_APPLICATION_ID,
  MOCK_FOREIGN_APPLICATION_ID,
  MOCK_OTHER_APPLICATION_ID,
} from '../mock/defaults';
import type { VariantName } from '../mock/dialect';
import type { FaultName } from '../mock/faults';
import { createFetchTransport } from '../http/fetch-transport';
import { createInProcessTransport } from '../http/in-process-transport';
import type { Transport } from '../http/transport';
import type { TargetConfig } from './config';
import { createTokenProvider, type TokenProvider } from './credentials';

/** A target ready to be talked to: its transport, its tokens, and how to let go of it. */
export interface ConnectedTarget {
  /** Base URL for reports and curl commands. */
  readonly label: string;
  readonly embedded: boolean;
  readonly applicationId: string;
  /** A second application of the same user (if known). */
  readonly otherApplicationId?: string;
  /** An application of another user, which no credential of the run may reach (if known). */
  readonly foreignApplicationId?: string;
  readonly transport: Transport;
  readonly tokens: TokenProvider;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Faults of the embedded mock (tests of the runner). */
  readonly faults?: readonly FaultName[];
  /** Variant of the embedded mock (tests that the suite accepts a correct server built otherwise). */
  readonly variant?: VariantName;
  /** The embedded mock through supertest instead of a loopback port. */
  readonly inProcess?: boolean;
  /** Names minted tokens, so that they can be found on the target. */
  readonly label?: string;
}

export async function connectTarget(
  config: TargetConfig,
  options: ConnectOptions = {},
): Promise<ConnectedTarget> {
  if (config.baseUrl !== undefined) {
    const transport = createFetchTransport({
      baseUrl: config.baseUrl,
      timeoutMs: config.timeoutMs,
      concurrency: config.concurrency,
      maxResponseBytes: config.maxResponseBytes,
      throttle: { maxWaitMs: config.maxRetryWaitMs },
    });
    const applicationId = config.applicationId as string;
    const tokens = createTokenProvider({ ...config, transport, applicationId, label: options.label });
    return {
      label: config.baseUrl,
      embedded: false,
      applicationId,
      otherApplicationId: config.otherApplicationId,
      foreignApplicationId: config.foreignApplicationId,
      transport,
      tokens,
      close: () => transport.close(),
    };
  }
  const adminToken = config.adminToken ?? randomBytes(24).toString('hex');
  const mock = await createMockServer({
    adminToken,
    faults: [...(options.faults ?? [])],
    variant: options.variant,
  });
  let transport: Transport;
  if (options.inProcess) {
    transport = createInProcessTransport(mock.server, config.timeoutMs);
  } else {
    const baseUrl = await mock.listen(0, '127.0.0.1');
    transport = createFetchTransport({
      baseUrl,
      timeoutMs: config.timeoutMs,
      concurrency: config.concurrency,
      maxResponseBytes: config.maxResponseBytes,
      throttle: { maxWaitMs: config.maxRetryWaitMs },
    });
  }
  const applicationId = config.applicationId ?? MOCK_APPLICATION_ID;
  const otherApplicationId = config.otherApplicationId ?? MOCK_OTHER_APPLICATION_ID;
  const tokens = createTokenProvider({
    transport,
    applicationId,
    otherApplicationId,
    adminToken,
    tokens: config.tokens,
    mockOnlyTokens: true,
    label: options.label,
  });
  return {
    label: options.inProcess ? transport.baseUrl : `embedded mock (${transport.baseUrl})`,
    embedded: true,
    applicationId,
    otherApplicationId,
    foreignApplicationId: config.foreignApplicationId ?? MOCK_FOREIGN_APPLICATION_ID,
    transport,
    tokens,
    async close() {
      await transport.close();
      await mock.close();
    },
  };
}
