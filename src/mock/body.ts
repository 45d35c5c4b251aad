import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors';
import type { FaultSet } from './faults';

/** Deeper JSON is refused before parsing: nothing a Workflow needs nests this far (docs/mock.md). */
export const MAX_JSON_DEPTH = 64;

/** The nesting depth of a JSON text, counting brackets outside strings; stops early past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92 /* \ */) index += 1;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 /* { */ || code === 91 /* [ */) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 125 || code === 93) depth -= 1;
  }
  return false;
}

const PROTO_KEY = /"(?:__proto__|\\u005[fF]\\u005[fF]proto\\u005[fF]\\u005[fF])"\s*:/;

function refuseProtoKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw badRequest('Request body must not contain a "__proto__" key');
  return value;
}

/** Parses a JSON request body: depth-bounded, `__proto__` keys refused, every failure a 400. */
export function parseJsonBody(text: string): unknown {
  // No body at all (clients send Content-Type on DELETE too); the route decides whether it needs one.
  if (text.trim() === '') return undefined;
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH))
    throw badRequest(`Request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    // The reviver only runs when a `__proto__` key may be present, keeping ordinary bodies fast.
    return PROTO_KEY.test(text) || text.includes('\\u')
      ? JSON.parse(text, refuseProtoKeys)
      : JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw badRequest('Request body is not valid JSON');
    throw error;
  }
}

/**
 * JSON is the only accepted request type (P2): any other Content-Type with a body is a 415 from
 * fastify, over-limit bodies a 413; both reach the error handler and become Error bodies.
 */
export function acceptJsonOnly(app: FastifyInstance, bodyLimit: number, faults: FaultSet): void {
  // The lenient-json fault: a body cut after a trailing comma is read as if closed there.
  const repair = (text: string): string =>
    faults.on('lenient-json') && /,\s*$/.test(text) ? `${text.replace(/,\s*$/, '')}}` : text;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    /^application\/([\w.+-]+\+)?json(\s*;.*)?$/i,
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => {
      try {
        done(null, parseJsonBody(repair(body as string)));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}
