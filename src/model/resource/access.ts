import type { ActionSpec } from '../../../specs/catalog';
import type { Level } from '../results';

/**
 * Who sends a request, as far as the reference tells them apart: no usable credential (no or malformed
 * header, an unknown, revoked or expired token), or a token with its scopes, bound to one application
 * (`applicationKey`) or reaching every application of its user (null).
 */
export type Principal =
  | { readonly kind: 'unauthenticated'; readonly why: string }
  | {
      readonly kind: 'token';
      readonly scopes: readonly string[];
      readonly applicationKey: ApplicationKey | null;
    };

/**
 * The application a request names: the run's, a second one of the same user, one of another user,
 * one that does not exist (well-formed id), or a malformed id.
 */
export type ApplicationKey = 'own' | 'other';
export type ApplicationTarget = ApplicationKey | 'foreign' | 'unknown' | 'malformed';

/** A refusal the reference implies: the statuses that conform (MUST), the one decision 1/2 names (SHOULD). */
export interface Refusal {
  /** Which check refuses: the credential, the scope, the id's form, the token's binding, the application, the query or body. */
  readonly kind: 'credential' | 'scope' | 'malformed' | 'binding' | 'foreign' | 'unknown' | 'request';
  readonly must: readonly number[];
  readonly should: number;
  readonly location: string;
  /** What the refusal is about, for the message. */
  readonly reason: string;
}

const AUTH = 'docs/reference-decisions.md decision 1';

/**
 * Decisions 1 and 2, in the mock's order (token 401, scope 403, malformed id 400, binding 403, unknown
 * 404): every refusal that applies, first the one a server following the decisions answers.
 */
export function accessRefusals(
  action: Pick<ActionSpec, 'acceptedScopes'>,
  principal: Principal,
  target: ApplicationTarget,
): Refusal[] {
  const refusals: Refusal[] = [];
  if (principal.kind === 'unauthenticated')
    return [{ kind: 'credential', must: [401, 403], should: 401, location: AUTH, reason: principal.why }];
  if (!action.acceptedScopes.some((scope) => principal.scopes.includes(scope)))
    refusals.push({
      kind: 'scope',
      must: [401, 403],
      should: 403,
      location: AUTH,
      reason: 'no accepted scope',
    });
  if (target === 'malformed')
    refusals.push({
      kind: 'malformed',
      must: [400, 404],
      should: 400,
      location: 'docs/reference-decisions.md decision 2',
      reason: 'malformed application id',
    });
  else if (principal.applicationKey !== null && principal.applicationKey !== target)
    refusals.push({
      kind: 'binding',
      must: [401, 403],
      should: 403,
      location: AUTH,
      reason: 'token of another application',
    });
  else if (target === 'foreign')
    refusals.push({
      kind: 'foreign',
      must: [401, 403, 404],
      should: 404,
      location: 'docs/decisions.md Levels (another user’s application)',
      reason: 'another user’s application',
    });
  else if (target === 'unknown')
    refusals.push({
      kind: 'unknown',
      must: [404],
      should: 404,
      location: 'docs/reference-decisions.md decision 2',
      reason: 'unknown application',
    });
  return refusals;
}

/** Several refusals: any status one of them allows conforms (MUST); the first is the decisions' (SHOULD). */
export function combinedRefusal(refusals: readonly Refusal[]): Refusal | undefined {
  if (refusals.length === 0) return undefined;
  const must = [...new Set(refusals.flatMap((refusal) => refusal.must))].sort();
  return { ...refusals[0], must };
}

/** The level at which an answered status is judged against a refusal. */
export function refusalLevel(refusal: Refusal, status: number): Level | undefined {
  if (!refusal.must.includes(status)) return 'MUST';
  return status === refusal.should ? undefined : 'SHOULD';
}
