/**
 * What a dialect is (see dialect.ts). Apart from the dialects themselves, so that the collection code
 * and the dialects that use it do not import each other (README "Layers": no cycles).
 */
import type { FastifyReply } from 'fastify';
import type { ErrorBody } from './errors';

/** The collection fields of a page: the echo, then `items` (and `customNodes`). */
export type CollectionEcho = Readonly<Record<string, string | number | undefined>>;

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
