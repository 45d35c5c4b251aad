import type { ActionId } from '../../specs/catalog';
import type { CheckRef } from '../checks/refs';
import type { CaseIdentity } from './results';

/**
 * A conformance case is data: which requests to send and which named checks to run on the answers.
 * Strings in queries and bodies may hold placeholders (see template.ts): `{data}` the prefix of the
 * shared data set, `{versions}` that of the versioned data set, `{case}` a prefix of the case's own,
 * `{id:<key>}` the id of a data-set flow.
 */
export type AuthSpec =
  /** The credential the suite was given (admin or user token). */
  | { readonly kind: 'principal' }
  /** A token holding only this scope. */
  | { readonly kind: 'scope'; readonly scope: string }
  | { readonly kind: 'none' }
  /** An Authorization header that is not `Bearer <token>`. */
  | { readonly kind: 'malformed' }
  /** A token that is well-formed but unknown to the server. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'revoked' }
  /** A token whose expiration date has passed. */
  | { readonly kind: 'expired' }
  /** A token of another application of the same user, holding this scope. */
  | { readonly kind: 'otherApplication'; readonly scope: string };

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface RawBody {
  readonly raw: string;
  readonly contentType?: string;
}

export interface RequestSpec {
  /** Defaults to the case's action. */
  readonly action?: ActionId;
  /** `own` (default): the configured application; `unknown`: a well-formed id of none; `malformed`. */
  readonly application?: 'own' | 'unknown' | 'malformed';
  /** Defaults to the principal credential. */
  readonly auth?: AuthSpec;
  /** Name/value pairs in order, encoded as given (bracket keys stay readable). */
  readonly query?: readonly (readonly [string, string])[];
  readonly body?: JsonValue | RawBody;
}

/** A case: its identity (reports, expectations and --grep key on the id), requests and checks. */
export interface ConformanceCase extends CaseIdentity {
  /** Sent in order; checks name the exchange they look at by index (default 0). */
  readonly requests: readonly RequestSpec[];
  readonly checks: readonly CheckRef[];
}

export const isRawBody = (body: unknown): body is RawBody =>
  typeof body === 'object' &&
  body !== null &&
  !Array.isArray(body) &&
  typeof (body as RawBody).raw === 'string';
