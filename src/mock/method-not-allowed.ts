import type { FastifyInstance, HTTPMethods } from 'fastify';
import { sendError, type MockContext } from './context';
import { methodNotAllowed } from './errors';

/** The methods a wrong-method request may use; any other method gets the not-found answer. */
const ANSWERED_METHODS: readonly HTTPMethods[] = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/**
 * RFC 9110 §15.5.6: a request whose path is a route of the mock but whose method is not gets 405 with
 * an `Allow` header and an Error body, before any authentication (the routes are no secret). Call it
 * before registering the routes; call the returned function after them, to route the other methods.
 */
export function answerWrongMethods(app: FastifyInstance, context: MockContext): () => void {
  const methodsByUrl = new Map<string, Set<string>>();
  let closed = false;
  app.addHook('onRoute', (route) => {
    if (closed) return;
    const methods = methodsByUrl.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) methods.add(method);
    methodsByUrl.set(route.url, methods);
  });
  return () => {
    closed = true;
    for (const [url, methods] of methodsByUrl) {
      const allow = ANSWERED_METHODS.filter((method) => methods.has(method)).join(', ');
      const others = ANSWERED_METHODS.filter((method) => !methods.has(method));
      if (others.length === 0) continue;
      app.route({
        method: [...others],
        url,
        handler: (request, reply) => {
          reply.header('allow', allow);
          sendError(reply, methodNotAllowed(`${request.method} is not allowed here; use ${allow}`), context);
        },
      });
    }
  };
}
