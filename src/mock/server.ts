import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { USER_TOKEN_SCOPE } from '../../specs/catalog';
import { acceptJsonOnly } from './body';
import { sendError, type MockContext } from './context';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_MOCK_HOST,
  DEFAULT_REQUEST_TIMEOUT_MS,
  MOCK_APPLICATION_ID,
  MOCK_OTHER_APPLICATION_ID,
  MOCK_USER,
} from './defaults';
import { addForeignApplication } from './foreign';
import { notFound } from './errors';
import { behaviourOf } from './behaviour';
import type { FaultName } from './faults';
import { registerFlowRoutes } from './flow-routes';
import { applySeed, type Seed } from './seed';
import { MockStore } from './store';
import { registerTokenRoutes } from './token-routes';
import { ResponseCache } from './response-cache';
import { clientErrorHandlerFor } from './client-errors';
import { dialectOf, type VariantName } from './dialect';
import { answerWrongMethods } from './method-not-allowed';

export interface MockOptions {
  /** Made a valid `all.User` token of the mock user. */
  readonly adminToken?: string;
  /** The mock user's password for `POST /auth/user`; default the documented one (MOCK_USER). */
  readonly userPassword?: string;
  /** A parsed seed (docs/mock.md); a bad one makes createMockServer reject with a SeedError. */
  readonly seed?: Seed;
  /** Deliberate bugs to switch on (src/mock/faults.ts). */
  readonly faults?: readonly FaultName[];
  /** Request bodies above this many bytes get 413 (P2); default 1 MiB. */
  readonly bodyLimitBytes?: number;
  /** Keep serialized collection pages until the application changes (default true). */
  readonly pageCache?: boolean;
  /** At most this many bytes of cached pages, least recently used out first; default 64 MiB. */
  readonly pageCacheBytes?: number;
  /**
   * Milliseconds to receive a whole request, headers and body (408 and the connection closed after);
   * default 30 s.
   */
  readonly requestTimeoutMs?: number;
  /** Request logging (method, URL, status; never headers, so never a token). Off by default. */
  readonly logger?: boolean;
  /** `reference` (default) or `other-choices`, a correct server that words its answers otherwise (src/mock/dialect.ts). */
  readonly variant?: VariantName;
}

export interface MockServer {
  /** The Node server; usable by supertest as it is, without listening. */
  readonly server: Server;
  readonly store: MockStore;
  /** The page cache (for tests: its `bytes` and `size`). */
  readonly pages: ResponseCache;
  readonly fastify: FastifyInstance;
  /** A token of the mock user with these scopes, bound to `applicationId` when given (a test shortcut). */
  tokenFor(scope: readonly string[], applicationId?: string | null): string;
  /** Starts listening; resolves to the base URL (`http://host:port`). Port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createMockServer(options: MockOptions = {}): Promise<MockServer> {
  const behaviour = behaviourOf(options.faults ?? []);
  const dialect = dialectOf(options.variant);
  const store = new MockStore(MOCK_USER.userId, dialect.id);
  store.addApplication(MOCK_APPLICATION_ID);
  store.addApplication(MOCK_OTHER_APPLICATION_ID);
  addForeignApplication(store, dialect);
  if (options.seed !== undefined) applySeed(store, options.seed, undefined, dialect);
  if (options.adminToken !== undefined) {
    store.issueToken(
      { userId: store.userId, applicationId: null, scope: [USER_TOKEN_SCOPE] },
      options.adminToken,
    );
  }

  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (!Number.isInteger(requestTimeout) || requestTimeout < 1)
    throw new RangeError('requestTimeoutMs must be a positive integer');
  const fastify = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit,
    // Node checks for expired requests every connectionsCheckingInterval (30 s by default).
    requestTimeout,
    http: {
      requestTimeout,
      headersTimeout: requestTimeout,
      connectionsCheckingInterval: Math.min(Math.max(Math.floor(requestTimeout / 10), 10), 1000),
    },
    forceCloseConnections: true,
    // The mock reads query strings from the raw URL, through the model (src/mock/query.ts).
    routerOptions: { querystringParser: () => ({}), ignoreTrailingSlash: true, maxParamLength: 200 },
    clientErrorHandler: clientErrorHandlerFor(dialect),
  });
  const context: MockContext = {
    store,
    behaviour,
    userPassword: options.userPassword ?? MOCK_USER.password,
    pages: new ResponseCache(options.pageCache === false ? 0 : options.pageCacheBytes),
    dialect,
  };
  fastify.decorateRequest('mockAccess', null);
  acceptJsonOnly(fastify, bodyLimit, behaviour.lenientJson);
  fastify.setErrorHandler((error, request, reply) => {
    if (options.logger && !(typeof (error as { statusCode?: unknown }).statusCode === 'number'))
      request.log.error(error);
    sendError(reply, error, context);
  });
  fastify.setNotFoundHandler((request, reply) => {
    sendError(
      reply,
      notFound(`No route for ${request.method} ${request.url.split('?')[0].slice(0, 200)}`),
      context,
    );
  });
  const routeWrongMethods = answerWrongMethods(fastify, context);
  registerFlowRoutes(fastify, context);
  registerTokenRoutes(fastify, context);
  routeWrongMethods();
  await fastify.ready();

  return {
    server: fastify.server,
    store,
    pages: context.pages,
    fastify,
    tokenFor: (scope, applicationId = null) =>
      store.issueToken({ userId: store.userId, applicationId: applicationId?.toLowerCase() ?? null, scope })
        .secret,
    async listen(port = 0, host = DEFAULT_MOCK_HOST) {
      await fastify.listen({ port, host });
      const address = fastify.server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${shownHost}:${address.port}`;
    },
    close: () => fastify.close(),
  };
}
