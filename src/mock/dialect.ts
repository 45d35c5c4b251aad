/**
 * How a mock variant writes what it answers: the one seam between the domain code (which decides what
 * to answer) and the bytes (key order, date-times, id spelling, error wording, headers). The reference
 * dialect is today's mock; other dialects are correct servers that choose differently where the
 * reference leaves the choice open, so that the suite can be shown to raise no false alarm on them.
 */
import { collectionInOrder } from './collection';
import type { Dialect, JsonFields } from './dialect-types';
import { OTHER_CHOICES_DIALECT } from './other-choices';

export * from './dialect-types';

const REFERENCE_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

/** Fields in the order given. */
function fieldsInOrder(fields: JsonFields): string {
  let body = '{';
  for (const key in fields) {
    const value = fields[key];
    if (value !== undefined) body += `${body.length === 1 ? '' : ','}${JSON.stringify(key)}:${value}`;
  }
  return `${body}}`;
}

export const REFERENCE_DIALECT: Dialect = {
  variant: 'reference',
  json: (value) => JSON.stringify(value),
  object: fieldsInOrder,
  collection: collectionInOrder,
  date: (epochMs) => new Date(epochMs).toISOString(),
  keptDate: (given) => given,
  id: (hex) => hex,
  error: (_statusCode, reference) => reference,
  headers: () => REFERENCE_HEADERS,
  send: (reply, statusCode, body) =>
    reply.code(statusCode).header('content-type', REFERENCE_HEADERS['content-type']).send(body),
  challenge: () => 'Bearer',
};

export const dialectOf = (variant: Dialect['variant'] = 'reference'): Dialect =>
  variant === 'other-choices' ? OTHER_CHOICES_DIALECT : REFERENCE_DIALECT;
