import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createFetchTransport } from '../http/fetch-transport';
import { createInProcessTransport, IN_PROCESS_BASE_URL } from '../http/in-process-transport';
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

/**
 * The server a run starts for itself when no target URL is given: the reference mock, with its faults
 * or variant. Its callers (src/cli, the tests) supply it, so that the engine and the target layer load
 * without the server (README "Layers"); `embeddedMock` of src/mock/embedded.ts makes one.
 */
export interface EmbeddedServer {
  /** The Node server; usable by supertest as it is, without listening. */
  readonly server: Server;
  readonly applicationId: string;
  readonly otherApplicationId: string;
  /** An application of another user, which no credential of the run reaches. */
  readonly foreignApplicationId: string;
  /** Starts listening; resolves to the base URL. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts an embedded server whose admin token is this one. */
export type StartEmbedded = (adminToken: string) => Promise<EmbeddedServer>;

export interface ConnectOptions {
  /** Starts the embedded server when the config names no target URL. */
  readonly startEmbedded?: StartEmbedded;
  /** The embedded mock without a socket (light-my-request) instead of a loopback port. */
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
  if (!options.startEmbedded) throw new Error('no target URL given and no embedded server to start');
  const adminToken = config.adminToken ?? randomBytes(24).toString('hex');
  const mock = await options.startEmbedded(adminToken);
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
  const applicationId = config.applicationId ?? mock.applicationId;
  const otherApplicationId = config.otherApplicationId ?? mock.otherApplicationId;
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
    label: options.inProcess ? transport.baseUrl : `${EMBEDDED_TARGET} (${transport.baseUrl})`,
    embedded: true,
    applicationId,
    otherApplicationId,
    foreignApplicationId: config.foreignApplicationId ?? mock.foreignApplicationId,
    transport,
    tokens,
    async close() {
      await transport.close();
      await mock.close();
    },
  };
}

/** How a report names a run against the embedded mock, whatever port or transport it had. */
export const EMBEDDED_TARGET = 'embedded mock';

/**
 * A report's target as runs compare it: every embedded mock is the same target (each run gives it a
 * fresh port, or none in process), any other the URL it was given.
 */
export const comparableTarget = (label: string): string =>
  label === EMBEDDED_TARGET || label.startsWith(`${EMBEDDED_TARGET} (`) || label === IN_PROCESS_BASE_URL
    ? EMBEDDED_TARGET
    : label;
