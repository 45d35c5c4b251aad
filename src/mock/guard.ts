import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { applicationAccess, authenticate } from './auth';
import type { Access, MockContext } from './context';

/**
 * The onRequest guard of an application route: token (401), scope (403), application id (400),
 * binding (403), existence (404), all before the body is read, so a refused request is never parsed.
 * A callback hook rather than an async one: it runs on every request, and needs no promise.
 */
export function applicationGuard(
  context: MockContext,
  acceptedScopes: readonly string[],
): onRequestHookHandler {
  return (request, _reply, done) => {
    try {
      const token = authenticate(context.store, request.headers.authorization, context.behaviour.auth);
      const { applicationId } = request.params as { applicationId: string };
      request.mockAccess = {
        token,
        application: applicationAccess(
          context.store,
          token,
          acceptedScopes,
          applicationId,
          context.behaviour.auth,
        ),
      };
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  };
}

export function accessOf(request: FastifyRequest): Access {
  if (!request.mockAccess) throw new Error('route has no application guard');
  return request.mockAccess;
}
