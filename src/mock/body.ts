import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors';

/** Deeper JSON is refused before parsing: nothing a Workflow needs nests this far (docs/mock.md). */
export const MAX_JSON_DEPTH = 64;

/** What one pass over a JSON text finds outside its strings. */
interface JsonShape {
  /** Nesting deeper than the limit (the scan stops there). */
  readonly tooDeep: boolean;
  /** A number with an exponent or 300 digits or more: it may overflow to Infinity. */
  readonly bigNumbers: boolean;
}

/** Counts brackets and looks at numbers outside strings, in one linear pass. */
export function scanJson(text: string, depthLimit: number): JsonShape {
  let depth = 0;
  let inString = false;
  let digits = 0;
  let bigNumbers = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92 /* \ */) index += 1;
      else if (code === 34 /* " */) inString = false;
      continue;
    }
    if (code >= 48 && code <= 57) {
      digits += 1;
      if (digits >= 300) bigNumbers = true;
      continue;
    }
    // An exponent follows a digit or a point; the e of true and false follows a letter.
    if ((code === 101 || code === 69) /* e E */ && index > 0) {
      const before = text.charCodeAt(index - 1);
      if ((before >= 48 && before <= 57) || before === 46) bigNumbers = true;
    }
    if (code !== 46 /* . */) digits = 0;
    if (code === 34) inString = true;
    else if (code === 123 /* { */ || code === 91 /* [ */) {
      depth += 1;
      if (depth > depthLimit) return { tooDeep: true, bigNumbers };
    } else if (code === 125 || code === 93) depth -= 1;
  }
  return { tooDeep: false, bigNumbers };
}

const PROTO_KEY = /"(?:__proto__|\\u005[fF]\\u005[fF]proto\\u005[fF]\\u005[fF])"\s*:/;

/** In `u` mode a paired surrogate is one code point, so this finds only lone ones. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Refuses what JSON.parse accepts but the mock could not store and give back as sent: a `__proto__`
 * key, a lone UTF-16 surrogate (an escape such as "\ud800", which no UTF-8 text can carry), and a
 * number beyond a double (1e400 parses as Infinity and would be stored as null).
 */
function refuseUnsound(key: string, value: unknown): unknown {
  if (key === '__proto__') throw badRequest('Request body must not contain a "__proto__" key');
  if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value)))
    throw badRequest('Request body holds a lone UTF-16 surrogate escape (\\ud800-\\udfff) in a string');
  if (typeof value === 'number' && !Number.isFinite(value))
    throw badRequest('Request body holds a number too large for a double (beyond 1.8e308)');
  return value;
}

/**
 * Parses a JSON request body: depth-bounded; `__proto__` keys, lone surrogates and overflowing numbers
 * refused; every failure a 400.
 */
export function parseJsonBody(text: string): unknown {
  // No body at all (clients send Content-Type on DELETE too); the route decides whether it needs one.
  if (text.trim() === '') return undefined;
  const shape = scanJson(text, MAX_JSON_DEPTH);
  if (shape.tooDeep) throw badRequest(`Request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    // The reviver only runs when the text may hold what it refuses, keeping ordinary bodies fast.
    return shape.bigNumbers || PROTO_KEY.test(text) || text.includes('\\u')
      ? JSON.parse(text, refuseUnsound)
      : JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw badRequest('Request body is not valid JSON');
    throw error;
  }
}

/** The bytes of a body as text: UTF-8 only (RFC 8259), never decoded with replacement characters. */
export function decodeJsonBody(bytes: Buffer): string {
  if (!isUtf8(bytes)) throw badRequest('Request body is not valid UTF-8');
  return bytes.toString('utf8');
}

/**
 * JSON is the only accepted request type (P2): any other Content-Type with a body is a 415 from
 * fastify, over-limit bodies a 413; both reach the error handler and become Error bodies.
 */
export function acceptJsonOnly(app: FastifyInstance, bodyLimit: number, lenientJson: boolean): void {
  // The lenient-json fault: a body cut after a trailing comma is read as if closed there.
  const repair = (text: string): string =>
    lenientJson && /,\s*$/.test(text) ? `${text.replace(/,\s*$/, '')}}` : text;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    /^application\/([\w.+-]+\+)?json(\s*;.*)?$/i,
    { parseAs: 'buffer', bodyLimit },
    (_request, body, done) => {
      try {
        done(null, parseJsonBody(repair(decodeJsonBody(body as Buffer))));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}
