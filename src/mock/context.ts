import type { IncomingMessage } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { Dialect } from './dialect';
import { ApiError, toErrorResponse } from './errors';
import type { MockBehaviour } from './behaviour';
import type { ResponseCache } from './response-cache';
import type { ApplicationState, MockStore, TokenRecord } from './store';

/** What every route of one mock server shares. */
export interface MockContext {
  readonly store: MockStore;
  /** What the faults the server started with change (src/mock/behaviour.ts). */
  readonly behaviour: MockBehaviour;
  /** The password `POST /auth/user` accepts for the mock user. */
  readonly userPassword: string;
  readonly pages: ResponseCache;
  /** How this variant writes its answers (src/mock/dialect.ts). */
  readonly dialect: Dialect;
}

/** The caller and application an authenticated route works on, set by its onRequest guard. */
export interface Access {
  readonly token: TokenRecord;
  readonly application: ApplicationState;
}

declare module 'fastify' {
  interface FastifyRequest {
    mockAccess: Access | null;
  }
}

/** Sends an already serialized JSON body: fastify never re-serializes a string. */
export function sendJson(
  reply: FastifyReply,
  statusCode: number,
  body: string | Buffer,
  dialect: Dialect,
): FastifyReply {
  return dialect.send(reply, statusCode, body);
}

/** A request that announced a body the mock has not read (all of). */
function bodyUnread(request: IncomingMessage): boolean {
  const { 'content-length': length, 'transfer-encoding': encoding } = request.headers;
  return !request.complete && (encoding !== undefined || (length !== undefined && length !== '0'));
}

/**
 * Every failure as an Error body (`type`, `message`), with a `WWW-Authenticate: Bearer` challenge on 401.
 * An answer that refuses a body before reading it (401, 403, 404, ...) closes the connection after it,
 * instead of reading and discarding whatever the client still sends to keep the connection alive.
 */
export function sendError(
  reply: FastifyReply,
  error: unknown,
  { behaviour, dialect }: Pick<MockContext, 'behaviour' | 'dialect'>,
): FastifyReply {
  const { statusCode, body } = toErrorResponse(error);
  if (bodyUnread(reply.request.raw)) reply.header('connection', 'close');
  if (statusCode === 401 && behaviour.errors.challengesOn401) {
    const bearerError = error instanceof ApiError ? error.bearerError : undefined;
    reply.header('www-authenticate', dialect.challenge(bearerError));
  }
  const written = dialect.error(statusCode, body);
  if (behaviour.errors.bodyAsText) {
    return reply.code(statusCode).header('content-type', 'text/plain; charset=utf-8').send(written.message);
  }
  return sendJson(reply, statusCode, dialect.json(written), dialect);
}
