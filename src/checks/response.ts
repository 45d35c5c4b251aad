import { validatorFor, describeViolation } from '../schemas/registry';
import { resolvePointer } from '../model/json-pointer';
import type { JsonValue } from '../model/json';
import {
  ANSWER_KEYS,
  apiConventions,
  ANSWER_KEYS_BY_DECISION,
  NESTED_DOCUMENTS,
  SCHEMA_REFERENCE_ANCHORS,
  type SchemaName,
} from '../../specs/catalog';
import {
  decisionLocation,
  exchangeOf,
  failure,
  isRecord,
  jsonOr,
  missingExchange,
  referenceLocation,
  type Check,
} from './context';
import type { RefOf } from './refs';

const statusSection = (status: number): string => (status < 300 ? 'successful-responses' : 'error-responses');

/** The status is one of those expected. */
export const status: Check<RefOf<'status'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  if (ref.expect.includes(exchange.response.status)) return [];
  const expected = ref.expect.join(' or ');
  return [
    failure(
      context,
      ref,
      `status ${exchange.response.status}, expected ${expected}`,
      `status ${expected}`,
      referenceLocation(context, statusSection(ref.expect[0])),
    ),
  ];
};

/** An Error body: a JSON object with string `type` and `message` (and the given type, if any). */
export const errorBody: Check<RefOf<'errorBody'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const parsed = jsonOr(context, ref, exchange);
  const location = 'schemas.md#error';
  if (!('body' in parsed)) return [{ ...parsed, location }];
  const body = parsed.body;
  if (!isRecord(body) || typeof body.type !== 'string' || typeof body.message !== 'string') {
    return [
      failure(
        context,
        ref,
        'the body is not an Error object',
        'an Error body with string type and message',
        location,
      ),
    ];
  }
  if (ref.type !== undefined && body.type !== ref.type) {
    return [failure(context, ref, `Error type "${body.type}"`, `Error type "${ref.type}"`, location)];
  }
  return [];
};

/** `application/json` or a `+json` type, with any parameters, in any case (RFC 9110 §8.3.1). */
const isJsonMediaType = (type: string | undefined): boolean =>
  type !== undefined && /^\s*application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type);

/** The body is JSON, sent as JSON, and validates against the JSON Schema of its status. */
export const schema: Check<RefOf<'schema'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const location = SCHEMA_REFERENCE_ANCHORS[ref.schema] ?? `specs/schemas ${ref.schema}`;
  const parsed = jsonOr(context, ref, exchange);
  if (!('body' in parsed)) return [parsed];
  const type = exchange.response.headers['content-type'];
  if (!isJsonMediaType(type))
    return [
      failure(
        context,
        ref,
        `a JSON body sent as ${type ? `Content-Type: ${type}` : 'no Content-Type'}`,
        'Content-Type: application/json (any parameters)',
        apiConventions('JSON in and out, errors included'),
      ),
    ];
  const violations = validatorFor(ref.schema)(parsed.body);
  if (violations.length === 0) return [];
  return [
    failure(
      context,
      ref,
      `the body does not validate against ${ref.schema}: ${violations.map(describeViolation).join('; ')}`,
      `a ${ref.schema} body`,
      location,
      undefined,
      {
        mismatches: violations.map((violation) => ({
          pointer: violation.instancePath,
          actual: resolvePointer(parsed.body as JsonValue, violation.instancePath),
        })),
      },
    ),
  ];
};

/**
 * A 401 carries WWW-Authenticate with a Bearer challenge (RFC 7235 §3.1: a 401 MUST send
 * WWW-Authenticate; RFC 6750 §3: the challenge of a bearer-token resource). Other challenges and
 * parameters (`realm`, `error`) may come too.
 */
export const wwwAuthenticate: Check<RefOf<'wwwAuthenticate'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  if (exchange.response.status !== 401) return [];
  const header = exchange.response.headers['www-authenticate'] ?? '';
  if (/(^|[\s,])bearer(?=$|[\s,])/i.test(header.trim())) return [];
  return [
    failure(
      context,
      ref,
      header ? `WWW-Authenticate: ${header}` : 'no WWW-Authenticate header on a 401',
      'WWW-Authenticate with a Bearer challenge',
      `RFC 7235 §3.1 and RFC 6750 §3; ${decisionLocation('authFailures')}`,
    ),
  ];
};

/** The application id a request names in its path (`/applications/{id}/...`). */
const requestedApplication = (path: string): string | undefined => /^\/applications\/([^/]+)/.exec(path)?.[1];

/**
 * A refused request shows nothing of the application: no collection, none of the suite's flow names or
 * ids (in any case), and with `hidesApplication` not even the id of the application it asked for
 * (decision 1: "nothing of B in the body").
 */
export const noLeak: Check<RefOf<'noLeak'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const text = exchange.response.bodyText.toLowerCase();
  const facts = [...context.data.flows, ...context.data.versionFlows];
  const leaked = facts.find(
    (flow) =>
      (flow.id !== '' && text.includes(flow.id.toLowerCase())) || text.includes(flow.name.toLowerCase()),
  );
  const application = ref.hidesApplication ? requestedApplication(exchange.request.path) : undefined;
  const namesApplication = application !== undefined && text.includes(application.toLowerCase());
  const body = exchange.response.json.ok ? exchange.response.json.value : undefined;
  const hasItems = isRecord(body) && ('items' in body || 'flows' in body || 'customNodes' in body);
  if (!leaked && !namesApplication && !hasItems && exchange.response.status >= 400) return [];
  const problem = leaked
    ? `the answer holds flow ${leaked.id === '' ? leaked.name : leaked.id} of the application`
    : namesApplication
      ? `the answer names application ${application}, which the token cannot reach`
      : hasItems
        ? 'the answer holds a collection'
        : `status ${exchange.response.status} for a request that must be refused`;
  return [
    failure(
      context,
      ref,
      problem,
      'a refusal that leaks no data',
      ref.hidesApplication
        ? `${decisionLocation('authFailures')}: nothing of B in the body`
        : referenceLocation(context, 'authentication'),
    ),
  ];
};

/**
 * The keys every answer carries (specs/catalog/answer-keys.ts), which the consumer pact states too:
 * MUST for the collection echo and the Error (API-wide conventions), SHOULD for the fields decisions
 * 10 and 11 give created documents.
 */
export const carriesKeys: Check<RefOf<'carriesKeys'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const parsed = jsonOr(context, ref, exchange);
  if (!('body' in parsed)) return [parsed];
  const missing = new Map<SchemaName, string[]>();
  const visit = (value: unknown, schema: SchemaName, at: string) => {
    if (!isRecord(value)) return;
    for (const key of ANSWER_KEYS[schema] ?? [])
      if (!(key in value)) missing.set(schema, [...(missing.get(schema) ?? []), `${at}/${key}`]);
    for (const [key, nested] of Object.entries(NESTED_DOCUMENTS[schema] ?? {}))
      if (Array.isArray(value[key]))
        (value[key] as unknown[]).forEach((item, index) => visit(item, nested, `${at}/${key}/${index}`));
  };
  visit(parsed.body, ref.schema, '');
  return [...missing].map(([schema, paths]) => {
    const decision = ANSWER_KEYS_BY_DECISION[schema];
    const shown = paths.length > 5 ? [...paths.slice(0, 5), `and ${paths.length - 5} more`] : paths;
    return failure(
      context,
      decision ? { ...ref, decision } : ref,
      `the answer lacks ${shown.join(', ')}`,
      `every ${schema} with ${(ANSWER_KEYS[schema] ?? []).join(', ')}`,
      apiConventions(),
    );
  });
};
