/**
 * How a mock variant writes what it answers: the one seam between the domain code (which decides what
 * to answer) and the bytes (key order, date-times, id spelling, error wording, headers). The reference
 * dialect is today's mock; other dialects are correct servers that choose differently where the
 * reference leaves the choice open, so that the suite can be shown to raise no false alarm on them.
 */
import type { FastifyReply } from 'fastify';
import { collectionInOrder, type CollectionEcho } from './collection';
import type { ErrorBody } from './errors';
import { OTHER_CHOICES_DIALECT } from './other-choices';

export const VARIANTS = {
  reference: 'The reference mock: the choices docs/mock.md lists.',
  'other-choices':
    'A correct server built otherwise: keys sorted, +00:00 whole-second dates, upper-case ids, other error ' +
    'types and messages, extra headers (docs/mock.md).',
} as const;

export type VariantName = keyof typeof VARIANTS;
export const VARIANT_NAMES = Object.keys(VARIANTS) as VariantName[];
export const isVariantName = (name: string): name is VariantName => Object.hasOwn(VARIANTS, name);

/** An Error body as a dialect writes it: any `type` and `message` strings. */
export interface WrittenError {
  readonly type: string;
  readonly message: string;
}

/** Fields whose values are already JSON text; undefined ones are left out. */
export type JsonFields = Readonly<Record<string, string | undefined>>;

/** Every member is a plain function (no `this`), so members can be passed on as they are. */
export interface Dialect {
  readonly variant: VariantName;
  /** A response document (flow, version, token answer, Error body) as JSON text. */
  readonly json: (value: unknown) => string;
  /** A JSON object made of already-written fields (import results), in this dialect's key order. */
  readonly object: (fields: JsonFields) => string;
  /** A collection body from its echo and its items' stored JSON (the hot path of every Get). */
  readonly collection: (
    echo: CollectionEcho,
    items: readonly { readonly json: string }[],
    customNodes?: readonly { readonly json: string }[],
  ) => string;
  /** An instant (epoch ms) as this dialect writes date-times. */
  readonly date: (epochMs: number) => string;
  /** A date-time a seed gave, as it is stored: stored dates of one dialect compare as strings. */
  readonly keptDate: (given: string) => string;
  /** How the server spells an id it hands out; `hex` is lower-case (the store keys ids so). */
  readonly id: (hex: string) => string;
  /** The Error body of a failure, from the reference's wording of it. */
  readonly error: (statusCode: number, reference: ErrorBody) => WrittenError;
  /** The headers of every JSON answer, content type included. */
  readonly headers: (statusCode: number) => Readonly<Record<string, string>>;
  /** Sends a JSON answer already written, with `headers`; fastify never re-serializes it. */
  readonly send: (reply: FastifyReply, statusCode: number, body: string | Buffer) => FastifyReply;
  /** The `WWW-Authenticate` challenge of a 401; `bearerError` is RFC 6750's error code, if any. */
  readonly challenge: (bearerError: string | undefined) => string;
}

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

export const dialectOf = (variant: VariantName = 'reference'): Dialect =>
  variant === 'other-choices' ? OTHER_CHOICES_DIALECT : REFERENCE_DIALECT;
