import { isRecord } from '../model/json';
import {
  actionById,
  apiConventions,
  DECISIONS,
  REFERENCE_DECISIONS_DOC,
  type ActionSpec,
  type DecisionKey,
} from '../../specs/catalog';
import type { DataFacts } from '../model/data-facts';
import type { CaseIdentity, Failure, Mismatch } from '../model/results';
import { excerpt, toCurl } from '../http/curl';
import type { HttpRequest, HttpResponse } from '../http/transport';
import type { CheckRef } from './refs';
import { levelOf } from './levels';

export interface Exchange {
  readonly request: HttpRequest;
  readonly response: HttpResponse;
  /** When the request went out, by the suite's own clock (ms since the epoch). */
  readonly sentAt: number;
}

/** What the checks read of a case (a ConformanceCase of src/engine is one): its identity and its checks. */
export interface CheckedCase extends CaseIdentity {
  readonly checks: readonly CheckRef[];
}

/** Everything a check may look at; checks are pure functions of it. */
export interface CheckContext {
  readonly testCase: CheckedCase;
  readonly exchanges: readonly Exchange[];
  readonly baseUrl: string;
  readonly data: DataFacts;
  /** Expands placeholders (`{case}`, `{data}`, ...) the way the request was built. */
  readonly expand: (text: string) => string;
}

export type Check<R extends CheckRef = CheckRef> = (context: CheckContext, ref: R) => readonly Failure[];

export const decisionLocation = (key: DecisionKey): string => {
  const decision = DECISIONS[key];
  return decision.source === REFERENCE_DECISIONS_DOC
    ? `${decision.source} decision ${decision.id.slice(1)} (${decision.title})`
    : `${decision.source} ${decision.id} (${decision.title})`;
};

export const actionOf = (context: CheckContext): ActionSpec => actionById(context.testCase.action);

/** `flows-actions.md#get-query-params`, from the action's anchor and a section suffix. */
export const referenceLocation = (context: CheckContext, section: string): string =>
  `flows-actions.md#${actionOf(context).referenceAnchor}-${section}`;

export const exchangeOf = (context: CheckContext, ref: CheckRef): Exchange | undefined =>
  context.exchanges[ref.at ?? 0];

export const bodyOf = (exchange: Exchange): unknown =>
  exchange.response.json.ok ? exchange.response.json.value : undefined;

export { isRecord };

export const itemsOf = (exchange: Exchange): readonly Record<string, unknown>[] | undefined => {
  const body = bodyOf(exchange);
  const items = isRecord(body) ? body.items : undefined;
  return Array.isArray(items) ? (items.filter(isRecord) as Record<string, unknown>[]) : undefined;
};

/** Where in the body a rule broke, and the offending values when the check knows them. */
export interface Found {
  /** RFC 6901 pointer into the body; `''` the status, a header or the whole body. */
  readonly pointer?: string;
  readonly mismatches?: readonly Mismatch[];
}

/**
 * One failure, reproducible: what went wrong, what was expected and where the rule is stated, the
 * request as curl (token redacted), and an excerpt of what came back. Its rule is the check's own
 * name in the registry of rules (src/model/rules.ts); its pointer the first mismatch's, unless given.
 */
export function failure(
  context: CheckContext,
  ref: CheckRef,
  problem: string,
  expected: string,
  location: string,
  exchange: Exchange | undefined = exchangeOf(context, ref),
  found: Found = {},
): Failure {
  const where = ref.decision ? decisionLocation(ref.decision) : location;
  const type = exchange?.response.headers['content-type'] ?? 'no content-type';
  const pointer = found.pointer ?? found.mismatches?.[0]?.pointer;
  return {
    check: ref.check,
    rule: ref.check,
    ...(pointer !== undefined && { pointer }),
    ...(found.mismatches && found.mismatches.length > 0 && { mismatches: found.mismatches }),
    caseId: context.testCase.id,
    level: levelOf(ref),
    message: problem,
    location: where,
    expected,
    ...(exchange && {
      request: toCurl(context.baseUrl, exchange.request),
      actual: `${exchange.response.status} (${type}) ${excerpt(exchange.response.bodyText)}`,
    }),
  };
}

/** The JSON body of an exchange, or a failure saying it is not JSON. */
export function jsonOr(
  context: CheckContext,
  ref: CheckRef,
  exchange: Exchange,
): { body: unknown } | Failure {
  if (exchange.response.json.ok) return { body: exchange.response.json.value };
  return failure(context, ref, `${exchange.response.json.error}`, 'a JSON body', apiConventions(), exchange);
}

export const missingExchange = (context: CheckContext, ref: CheckRef): Failure =>
  failure(
    context,
    ref,
    `no exchange #${ref.at ?? 0} to check`,
    'the case to send that request',
    'the case table',
  );

/** `key="value"`, or `key missing` when the body has no such key (never JavaScript's `undefined`). */
export const shownField = (key: string, value: unknown): string =>
  value === undefined ? `${key} missing` : `${key}=${JSON.stringify(value)}`;
