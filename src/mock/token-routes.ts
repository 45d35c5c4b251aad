import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  APPLICATION_TOKEN_SCOPES,
  auxiliaryRoute,
  routePattern,
  TOKEN_ADMIN_SCOPES,
  USER_TOKEN_SCOPE,
} from '../../specs/catalog';
import { describeViolation, validatorFor } from '../schemas/registry';
import { authenticate } from './auth';
import { sendJson, type MockContext } from './context';
import { MOCK_ONLY_TOKEN_ROUTE, MOCK_USER } from './defaults';
import { forbidden, notFound, unauthorized, validationError, badRequest } from './errors';
import { accessOf, applicationGuard } from './guard';
import type { Dialect } from './dialect';
import { isObjectId } from './ids';
import type { TokenRecord } from './store';

const mintable = new Set<string>(APPLICATION_TOKEN_SCOPES);

/** Compares two secrets in a time that does not depend on where they differ. */
const sameSecret = (given: string, expected: string): boolean =>
  timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );

function validated<T>(schema: 'authUserPost' | 'apiTokenPost', body: unknown): T {
  const violations = validatorFor(schema)(body);
  if (violations.length > 0) throw validationError(`Invalid body: ${describeViolation(violations[0])}`);
  return body as T;
}

function expiryOf(expirationDate: unknown): number | undefined {
  if (expirationDate === undefined) return undefined;
  const at = Date.parse(String(expirationDate));
  if (Number.isNaN(at)) throw validationError('expirationDate must be an ISO 8601 date-time');
  return at;
}

/** The token object of an application API token; the secret is shown only in this answer. */
function apiTokenBody(
  dialect: Dialect,
  record: TokenRecord,
  name: string,
  description: string | undefined,
): string {
  const now = dialect.date(Date.now());
  return dialect.json({
    id: record.id,
    apiTokenId: record.id,
    applicationId: record.applicationId === null ? null : dialect.id(record.applicationId),
    name,
    description,
    scope: [...record.scopes],
    status: 'active',
    creationDate: now,
    lastUpdated: now,
    expirationDate: record.expiresAt === undefined ? undefined : dialect.date(record.expiresAt),
    token: record.secret,
  });
}

/** What a suite needs to get tokens from the mock as from a real server (spec README), plus the mock-only route. */
export function registerTokenRoutes(app: FastifyInstance, context: MockContext): void {
  const { store, dialect } = context;

  app.post(routePattern(auxiliaryRoute('auth.user')), async (request, reply) => {
    const credentials = validated<{ email: string; password: string }>('authUserPost', request.body);
    if (
      credentials.email.toLowerCase() !== MOCK_USER.email ||
      !sameSecret(credentials.password, context.userPassword)
    ) {
      throw unauthorized('Invalid email or password');
    }
    const token = store.issueToken({ userId: store.userId, applicationId: null, scope: [USER_TOKEN_SCOPE] });
    return sendJson(
      reply,
      200,
      dialect.json({ token: token.secret, userId: dialect.id(store.userId) }),
      dialect,
    );
  });

  app.post(routePattern(auxiliaryRoute('applicationTokens.post')), {
    onRequest: applicationGuard(context, TOKEN_ADMIN_SCOPES),
    handler: async (request, reply) => {
      const { application } = accessOf(request);
      const body = validated<{
        name: string;
        description?: string;
        scope: string[];
        expirationDate?: string;
      }>('apiTokenPost', request.body);
      // Decision 15: only the scopes of the reference's Application API Token Post.
      const refused = body.scope.find((scope) => !mintable.has(scope));
      if (refused !== undefined)
        throw validationError(`Scope ${refused} cannot be given to an application API token`);
      const record = store.issueToken({
        userId: store.userId,
        applicationId: application.id,
        scope: body.scope,
        expiresAt: expiryOf(body.expirationDate),
      });
      return sendJson(reply, 201, apiTokenBody(dialect, record, body.name, body.description), dialect);
    },
  });

  app.delete(routePattern(auxiliaryRoute('applicationToken.delete')), {
    onRequest: applicationGuard(context, TOKEN_ADMIN_SCOPES),
    handler: async (request, reply) => {
      const { application } = accessOf(request);
      const { apiTokenId } = request.params as { apiTokenId: string };
      if (!isObjectId(apiTokenId)) throw badRequest('apiTokenId must be a 24-character hex id');
      const record = store.tokenById(apiTokenId);
      if (!record || record.applicationId !== application.id || record.revoked)
        throw notFound('API token was not found');
      record.revoked = true;
      return sendJson(reply, 200, '{"success":true}', dialect);
    },
  });

  // Mock-only: any scope (all.Organization included), for a user token. A real server has no such route.
  app.post(routePattern(auxiliaryRoute('mockOnly.tokens')), async (request, reply) => {
    const caller = authenticate(store, request.headers.authorization, context.behaviour.auth);
    if (caller.applicationId !== null || !caller.scopes.has(USER_TOKEN_SCOPE)) {
      throw forbidden(`${MOCK_ONLY_TOKEN_ROUTE} needs a user token (scope ${USER_TOKEN_SCOPE})`);
    }
    const body = request.body as
      { applicationId?: unknown; scope?: unknown; expirationDate?: unknown } | undefined;
    const scope = body?.scope;
    if (
      !Array.isArray(scope) ||
      !scope.every((entry) => typeof entry === 'string' && entry.length > 0 && entry.length <= 255)
    ) {
      throw validationError('Invalid body: scope must be an array of scope names');
    }
    const applicationId = body?.applicationId ?? null;
    if (applicationId !== null) {
      if (!isObjectId(applicationId)) throw badRequest('applicationId must be a 24-character hex id');
      if (store.application(applicationId)?.ownerId !== caller.userId)
        throw notFound('Application was not found');
    }
    const record = store.issueToken({
      userId: caller.userId,
      applicationId: applicationId === null ? null : applicationId.toLowerCase(),
      scope: scope as string[],
      expiresAt: expiryOf(body?.expirationDate),
    });
    return sendJson(
      reply,
      201,
      dialect.json({
        id: record.id,
        applicationId: record.applicationId === null ? null : dialect.id(record.applicationId),
        scope: [...record.scopes],
        token: record.secret,
      }),
      dialect,
    );
  });
}
