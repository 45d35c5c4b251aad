import type { ActionId } from '../../specs/catalog';
import type { CheckRef } from '../checks/refs';
import type { DataPiece } from '../model/data-facts';
import type { JsonValue } from '../model/json';
import type { QueryPairs } from '../model/query-codec';
import type { CaseIdentity } from '../model/results';

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
  /** A token that held this scope (one the action accepts) and is revoked now. */
  | { readonly kind: 'revoked'; readonly scope: string }
  /** A token of this scope (one the action accepts) whose expiration date has passed. */
  | { readonly kind: 'expired'; readonly scope: string }
  /** A token of another application of the same user, holding this scope. */
  | { readonly kind: 'otherApplication'; readonly scope: string };

export interface RawBody {
  readonly raw: string;
  readonly contentType?: string;
}

export interface RequestSpec {
  /** Defaults to the case's action. */
  readonly action?: ActionId;
  /**
   * `own` (default): the configured application; `unknown`: a well-formed id of none; `malformed`;
   * `foreign`: an application of another user, which no credential of the run may reach.
   */
  readonly application?: 'own' | 'unknown' | 'malformed' | 'foreign';
  /** Defaults to the principal credential. */
  readonly auth?: AuthSpec;
  /**
   * Values of the action's path parameters other than `APPLICATION_ID` (which `application` picks), by
   * their catalog name; placeholders are expanded (`{ FLOW_ID: '{id:alpha}' }`).
   */
  readonly path?: Readonly<Record<string, string>>;
  /** Name/value pairs in order, encoded as given (bracket keys stay readable). */
  readonly query?: QueryPairs;
  readonly body?: JsonValue | RawBody;
}

/**
 * A condition on the data set without which a case cannot tell right from wrong: it is then skipped with
 * the reason, never passed. `tiesDecidable`: the ids of the tied flows do not follow their creation
 * order, so "ties by id" and "ties in creation order" give different orders.
 */
export type Precondition = 'tiesDecidable';

/** A case: its identity (reports, expectations, --grep, shards and compare key on its key), requests and checks. */
export interface ConformanceCase extends CaseIdentity {
  readonly key: string;
  /** The pieces of the data set it reads; by default those its placeholders name (see needs.ts). */
  readonly needs?: readonly DataPiece[];
  readonly precondition?: Precondition;
  /** A set-up case: it reports how this piece of the data set was set up, and sends nothing. */
  readonly setup?: DataPiece;
  /** Sent in order; checks name the exchange they look at by index (default 0). */
  readonly requests: readonly RequestSpec[];
  readonly checks: readonly CheckRef[];
}

export const isRawBody = (body: unknown): body is RawBody =>
  typeof body === 'object' &&
  body !== null &&
  !Array.isArray(body) &&
  typeof (body as RawBody).raw === 'string';
