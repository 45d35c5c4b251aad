import { apiConventions, type ActionSpec } from '../../specs/catalog';
import type { Exchange } from '../checks/context';
import { excerpt, toCurl } from '../http/curl';
import { bearer, JSON_HEADERS, TransportError, type HttpRequest, type Transport } from '../http/transport';
import { validatorFor, describeViolation } from '../schemas/registry';
import type { SchemaName } from '../../specs/catalog';
import type { RuleCode } from '../model/rules';

/**
 * A broken rule, thrown from inside a property so that fast-check shrinks the input that broke it. It
 * carries the exchange that shows it, for the curl repro.
 */
export class RuleBroken extends Error {
  override readonly name = 'RuleBroken';
  constructor(
    /** The rule's code in the one registry (src/model/rules.ts): `status`, `schema`, `itemSet`, ... */
    readonly rule: RuleCode,
    readonly problem: string,
    readonly expected: string,
    readonly location: string,
    readonly exchange?: Exchange,
    /** Where in the body the rule broke (RFC 6901), when one place shows it. */
    readonly pointer?: string,
  ) {
    super(`${rule}: ${problem}`);
  }
}

/** What a property needs to talk to the target. */
export interface Wire {
  readonly transport: Transport;
  readonly token: string;
  readonly applicationId: string;
}

const NEVER = `${apiConventions()}; flows-actions.md (the statuses of each action)`;

export function requestFor(wire: Wire, path: string, query: string, body?: unknown): HttpRequest {
  return {
    method: body === undefined ? 'GET' : 'POST',
    path,
    query: query === '' ? undefined : query,
    headers:
      body === undefined
        ? { accept: JSON_HEADERS.accept, ...bearer(wire.token) }
        : { ...JSON_HEADERS, ...bearer(wire.token) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    authLabel: 'token of the run',
  };
}

/** Sends one request; no answer within the deadline is a broken rule, never a crash. */
export async function exchange(wire: Wire, request: HttpRequest): Promise<Exchange> {
  const sentAt = Date.now();
  try {
    return { request, response: await wire.transport.send(request), sentAt };
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    throw new RuleBroken(
      'answered',
      `no usable answer: ${error.message}`,
      'an answer within the per-request timeout',
      NEVER,
      {
        request,
        sentAt,
        response: {
          status: 0,
          headers: {},
          bodyText: '',
          json: { ok: false, error: error.message },
          durationMs: 0,
        },
      },
    );
  }
}

/** What no answer may ever be: a 5xx, not JSON, a status the catalog does not list for the action. */
export function never(action: ActionSpec, seen: Exchange): void {
  const { status, json } = seen.response;
  if (status >= 500)
    throw new RuleBroken(
      'serverError',
      `answered ${status}`,
      'never a 5xx for a client’s request',
      NEVER,
      seen,
    );
  if (!action.responses.some((response) => response.status === status))
    throw new RuleBroken(
      'listedStatus',
      `answered ${status}, a status ${action.name} does not list`,
      `one of ${action.responses.map((response) => response.status).join(', ')}`,
      `flows-actions.md#${action.referenceAnchor}`,
      seen,
    );
  if (!json.ok) throw new RuleBroken('jsonBody', json.error, 'a JSON body', NEVER, seen);
}

/** The answer has this status and a body valid against the catalog's schema for it. */
export function answered(action: ActionSpec, seen: Exchange, status: number, why: string): unknown {
  never(action, seen);
  if (seen.response.status !== status)
    throw new RuleBroken(
      'status',
      `answered ${seen.response.status}`,
      `${status}: ${why}`,
      `flows-actions.md#${action.referenceAnchor}`,
      seen,
    );
  const schema = action.responses.find((response) => response.status === status)?.schema as SchemaName;
  const body = seen.response.json.ok ? seen.response.json.value : undefined;
  const violations = validatorFor(schema)(body);
  if (violations.length > 0)
    throw new RuleBroken(
      'schema',
      `the body breaks its schema: ${describeViolation(violations[0])}`,
      `a body valid against ${schema}`,
      `schemas.md`,
      seen,
    );
  return body;
}

/** The shown request of a broken rule (token redacted) and what came back. */
export const shown = (baseUrl: string, seen: Exchange | undefined) =>
  seen && {
    request: toCurl(baseUrl, seen.request),
    actual: `${seen.response.status} (${seen.response.headers['content-type'] ?? 'no content-type'}) ${excerpt(seen.response.bodyText)}`,
  };
