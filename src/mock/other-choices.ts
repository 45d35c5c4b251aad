/**
 * The "other choices" dialect: everything the reference leaves open, chosen differently from the
 * reference mock, and still correct. Keys sorted (recursively), date-times with a `+00:00` offset and
 * whole seconds, upper-case hex ids, other error types and messages (404 stays `NotFound`, decision 2),
 * extra headers and a `WWW-Authenticate` challenge with parameters (RFC 6750).
 */
import { randomUUID } from 'node:crypto';
import { collectionFields } from './collection';
import type { Dialect, JsonFields, WrittenError } from './dialect-types';
import type { ErrorBody } from './errors';

/** JSON text with every object's keys in code-unit order; arrays keep their order. */
export function sortedJson(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return sortedJson(withToJson.toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => sortedJson(item) ?? 'null').join(',')}]`;
  const record = value as Record<string, unknown>;
  const written: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const field = sortedJson(record[key]);
    if (field !== undefined) written.push(`${JSON.stringify(key)}:${field}`);
  }
  return `{${written.join(',')}}`;
}

function sortedFields(fields: JsonFields): string {
  const written: string[] = [];
  for (const key of Object.keys(fields).sort()) {
    const value = fields[key];
    if (value !== undefined) written.push(`${JSON.stringify(key)}:${value}`);
  }
  return `{${written.join(',')}}`;
}

/** `2026-11-29T19:39:04+00:00`: RFC 3339, UTC as a numeric offset, no fraction. */
const wholeSecondUtc = (epochMs: number): string =>
  `${new Date(Math.floor(epochMs / 1000) * 1000).toISOString().slice(0, 19)}+00:00`;

/** Each reference error type, worded otherwise; 404 keeps `NotFound` (decision 2 binds servers). */
const WORDING: Readonly<Record<string, WrittenError>> = {
  BadRequest: { type: 'InvalidRequestError', message: 'The request could not be understood.' },
  Validation: { type: 'ValidationError', message: 'The request did not pass validation.' },
  Unauthorized: {
    type: 'AuthenticationError',
    message: 'A valid bearer token is required for this request.',
  },
  Forbidden: { type: 'AuthorizationError', message: 'This token is not permitted to make this request.' },
  NotFound: { type: 'NotFound', message: 'No such resource exists.' },
  MethodNotAllowed: { type: 'MethodNotAllowedError', message: 'This resource does not support that method.' },
  PayloadTooLarge: {
    type: 'RequestEntityTooLargeError',
    message: 'The request body exceeds the size limit.',
  },
  UnsupportedMediaType: { type: 'UnsupportedContentTypeError', message: 'Request bodies must be JSON.' },
  RequestHeaderFieldsTooLarge: {
    type: 'HeadersTooLargeError',
    message: 'The request headers are too large.',
  },
  RequestTimeout: { type: 'TimeoutError', message: 'The request took too long to arrive.' },
};

const wordError = (statusCode: number, reference: ErrorBody): WrittenError =>
  WORDING[reference.type] ?? {
    type: statusCode >= 500 ? 'ServerError' : 'RequestError',
    message: `The request failed (${statusCode}).`,
  };

/** Successes say `charset=UTF-8`, errors no charset at all (JSON is UTF-8 either way, RFC 8259). */
const headers = (statusCode: number): Readonly<Record<string, string>> => ({
  'content-type': statusCode < 400 ? 'application/json; charset=UTF-8' : 'application/json',
  'cache-control': 'no-store',
  'x-request-id': randomUUID(),
});

export const OTHER_CHOICES_DIALECT: Dialect = {
  variant: 'other-choices',
  json: (value) => sortedJson(value) ?? 'null',
  object: sortedFields,
  collection: (echo, items, customNodes) => sortedFields(collectionFields(echo, items, customNodes)),
  date: wholeSecondUtc,
  keptDate: (given) => {
    const epochMs = Date.parse(given);
    return Number.isNaN(epochMs) ? given : wholeSecondUtc(epochMs);
  },
  id: (hex) => hex.toUpperCase(),
  error: wordError,
  headers,
  // Bytes: fastify would append `; charset=utf-8` to a string's JSON content type that has no charset.
  send: (reply, statusCode, body) =>
    reply
      .code(statusCode)
      .headers(headers(statusCode))
      .send(typeof body === 'string' ? Buffer.from(body) : body),
  challenge: (bearerError) =>
    bearerError === undefined ? 'Bearer realm="flows"' : `Bearer realm="flows", error="${bearerError}"`,
};
