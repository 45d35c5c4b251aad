import type { ActionSpec, DecisionKey } from '../../specs/catalog';
import { bodyOf, isRecord, referenceLocation, type CheckContext } from '../checks/context';
import type { Failure } from '../model/results';
import { accessRefusals, type Principal } from '../model/resource/access';
import type { Answer } from '../model/resource/answer';
import { givenId, type ImportBundle } from '../model/resource/import-bundle';
import { judgeRefusal } from '../model/resource/refusal';
import { referencedFlowIds } from '../model/resource/state';
import { judgeCollection } from '../model/resource/step';
import type { Difference } from '../model/resource/verdict';
import type { RuleCode } from '../model/rules';
import { judgeImport, judgePost } from '../model/resource/writes';
import { ruleFailure } from './exchange-context';
import type { ReadQuery } from './request-verdict';
import type { TokenFacts, TrafficShadow } from './shadow';

/** The model's rules a proxy can judge with a partial shadow, and the check each is reported under. */
const PAGE_RULES: Readonly<Partial<Record<RuleCode, RuleCode>>> = {
  roundTrip: 'roundTrip',
  itemSet: 'itemSet',
  pageWindow: 'pageWindow',
  noForeignData: 'noForeignData',
};
/** Decision 10's and 11's defaults of a created flow (the rest of a 201 is judged by single-exchange rules). */
const CREATED_RULES: Readonly<Partial<Record<RuleCode, RuleCode | 'Defaults'>>> = {
  filledDefaults: 'Defaults',
  freshInstants: 'Defaults',
  createdIdentity: 'Defaults',
  defaultVersion: 'Defaults',
  freshIds: 'importMaps',
  importMaps: 'importMaps',
  roundTrip: 'roundTrip',
};

const WHAT_THE_SHADOW_KNOWS =
  'what the flows created through the proxy imply (docs/proxy.md "What the proxy remembers")';

function failureOf(
  context: CheckContext,
  check: RuleCode,
  found: Difference,
  decision?: DecisionKey,
): Failure {
  return ruleFailure(
    context,
    { check, level: found.level, ...(found.level === 'SHOULD' && decision && { decision }) },
    `${found.message}${found.pointer === '' ? '' : ` (at ${found.pointer})`}`,
    WHAT_THE_SHADOW_KNOWS,
    found.location,
  );
}

const answerOf = (context: CheckContext): Answer => {
  const { response } = context.exchanges[0];
  return {
    status: response.status,
    headers: response.headers,
    body: bodyOf(context.exchanges[0]),
    text: response.bodyText,
  };
};

const sentBody = (context: CheckContext): unknown => {
  try {
    return JSON.parse(context.exchanges[0].request.body ?? '') as unknown;
  } catch {
    return undefined;
  }
};

/** A token the shadow knows, as the model's principal for a request to `applicationId`. */
const principalOf = (facts: TokenFacts, applicationId: string): Principal => ({
  kind: 'token',
  scopes: facts.scopes,
  applicationKey:
    facts.applicationId === null
      ? null
      : facts.applicationId === applicationId.toLowerCase()
        ? 'own'
        : 'other',
});

/**
 * Scopes across exchanges: a token served after being refused for the same action and application, or
 * served for an action its known scopes (or its binding) do not allow (decision 1, the scopes of the
 * reference's tables).
 */
function accessRules(
  context: CheckContext,
  action: ActionSpec,
  applicationId: string,
  shadow: TrafficShadow,
): Failure[] {
  const exchange = context.exchanges[0];
  const authorization = exchange.request.headers.authorization;
  if (authorization === undefined || authorization.trim() === '') return [];
  const status = exchange.response.status;
  const rule = { check: 'status' as const, level: 'MUST' as const };
  const location = referenceLocation(context, 'authentication');
  const found: Failure[] = [];
  const contradiction = shadow.access(authorization, action, applicationId, status, context.testCase.id);
  // Nothing in the reference says a refusal is final (a token may take effect late, a grant may
  // change): the same answer to the same token is decision 1's reading, so a contradiction is SHOULD.
  if (contradiction)
    found.push(
      ruleFailure(
        context,
        { check: 'status', level: 'SHOULD', decision: 'authFailures' },
        contradiction.message,
        'the same refusal',
        location,
      ),
    );
  const facts = shadow.tokenFacts(authorization);
  const served = status >= 200 && status < 300;
  const gone = facts?.revoked
    ? 'revoked'
    : facts?.expiresAt !== undefined && facts.expiresAt < exchange.sentAt
      ? 'expired'
      : undefined;
  if (served && gone)
    found.push(ruleFailure(context, rule, `served ${status} to a ${gone} token`, '401', location));
  if (
    facts &&
    status === 403 &&
    facts.applicationId !== null &&
    facts.applicationId !== applicationId.toLowerCase()
  )
    found.push(
      ...judgeRefusal(
        accessRefusals(action, principalOf(facts, applicationId), 'own')[0],
        answerOf(context),
        [applicationId],
      )
        .filter((item) => item.rule === 'noForeignData')
        .map((item) => failureOf(context, 'noLeak', item)),
    );
  if (facts && served) {
    const bound = facts.applicationId;
    const refusal = accessRefusals(action, principalOf(facts, applicationId), 'own')[0];
    if (refusal)
      found.push(
        ruleFailure(
          context,
          rule,
          `served ${status} to a token of scopes ${facts.scopes.join(', ')}${bound === null ? '' : ` bound to ${bound}`}: ${refusal.reason}`,
          `${refusal.must.join(' or ')} (${action.name} accepts ${action.acceptedScopes.join(', ')})`,
          location,
        ),
      );
  }
  return found;
}

/** Every parameter of the reading but `page`, in a stable order: what makes two reads pages of one list. */
const pagedQueryKey = (action: ActionSpec, query: ReadQuery): string =>
  JSON.stringify([
    action.id,
    ...[...query.values].filter(([name]) => name !== 'page').sort(([a], [b]) => (a < b ? -1 : 1)),
  ]);

/** Pages of one list read with nothing written between partition it: no item on two pages (decision 4, MUST). */
function partitionRules(
  context: CheckContext,
  action: ActionSpec,
  query: ReadQuery,
  applicationId: string,
  shadow: TrafficShadow,
): Failure[] {
  const body = bodyOf(context.exchanges[0]);
  if (!isRecord(body) || !Array.isArray(body.items)) return [];
  const ids = body.items.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : []));
  const page = query.values.get('page') as number;
  const repeat = shadow.repeatedAcrossPages(
    pagedQueryKey(action, query),
    applicationId,
    page,
    ids,
    body.totalCount,
  );
  if (!repeat) return [];
  return [
    ruleFailure(
      context,
      { check: 'pagesPartition', level: 'MUST' },
      `item ${repeat.id} is on page ${page} and on page ${repeat.page} of the same list (same totalCount, nothing written through the proxy between): another item is never returned`,
      'each matching item on exactly one page',
      referenceLocation(context, 'query-params'),
    ),
  ];
}

/**
 * Decision 9 with what the shadow knows: with includeCustomNodes=true, every custom-node flow it saw made
 * in the application that a returned item's nodes reference is in customNodes (the extras are judged
 * by one exchange alone).
 */
function knownCustomNodeRules(
  context: CheckContext,
  query: ReadQuery,
  applicationId: string,
  shadow: TrafficShadow,
): Failure[] {
  const body = bodyOf(context.exchanges[0]);
  if (query.values.get('includeCustomNodes') !== true || !isRecord(body)) return [];
  if (!Array.isArray(body.items) || !Array.isArray(body.customNodes)) return [];
  const flows = shadow.stateOf(applicationId).own.flows;
  const listed = new Set(
    body.customNodes.flatMap((flow) =>
      isRecord(flow) && typeof flow.id === 'string' ? [flow.id.toLowerCase()] : [],
    ),
  );
  const missing = body.items
    .filter(isRecord)
    .flatMap((item) => referencedFlowIds(item))
    .filter((id) => flows.get(id)?.flowClass === 'customNode' && !listed.has(id));
  if (missing.length === 0) return [];
  return [
    ruleFailure(
      context,
      { check: 'customNodes', level: 'SHOULD', decision: 'includeCustomNodes' },
      `customNodes lacks ${[...new Set(missing)].slice(0, 3).join(', ')}, a custom-node flow made through the proxy that a returned item references`,
      'every custom-node flow of the application the returned items’ nodes reference',
      referenceLocation(context, 'query-params'),
    ),
  ];
}

/** A served page against the flows the shadow knows: read after write, the matches, totalCount. */
function pageRules(
  context: CheckContext,
  action: ActionSpec,
  query: ReadQuery,
  applicationId: string,
  shadow: TrafficShadow,
): Failure[] {
  return judgeCollection(
    shadow.stateOf(applicationId),
    'own',
    action,
    query,
    applicationId,
    bodyOf(context.exchanges[0]),
    { exact: false, elsewhere: shadow.elsewhere(applicationId) },
  ).flatMap((found) => {
    const check = PAGE_RULES[found.rule];
    return check === undefined ? [] : [failureOf(context, check, found)];
  });
}

/** A 201 of Post or Import: decision 10's and 11's defaults, and what it created goes into the shadow. */
function createdRules(
  context: CheckContext,
  action: ActionSpec,
  query: ReadQuery | undefined,
  applicationId: string,
  shadow: TrafficShadow,
): Failure[] {
  const sent = sentBody(context);
  const answer = answerOf(context);
  const now = context.exchanges[0].sentAt;
  const state = shadow.stateOf(applicationId);
  // Post's answer against what was sent is judged by src/checks' roundTrip already; an Import's by the model.
  const defaults = (found: readonly Difference[], prefix: 'post' | 'import', decision: DecisionKey) =>
    found
      .filter((item) => prefix === 'import' || item.rule !== 'roundTrip')
      .flatMap((item) => {
        const check = CREATED_RULES[item.rule];
        if (check === undefined) return [];
        return [
          failureOf(
            context,
            check === 'Defaults' ? `${prefix}Defaults` : check,
            item,
            item.rule === 'defaultVersion' ? 'importDefaultVersion' : decision,
          ),
        ];
      });
  if (action.id === 'flows.post' && isRecord(sent)) {
    const judged = judgePost(sent, query?.values.get('includeCustomNodes') === true, answer, {
      applicationId,
      now,
      application: state.own,
      elsewhere: shadow.elsewhere(applicationId),
    });
    if (judged.created) shadow.created(applicationId, [judged.created]);
    return defaults(judged.differences, 'post', 'postResult');
  }
  if (action.id !== 'flows.import' || !isRecord(sent)) return [];
  const bundle = sent as Partial<ImportBundle>;
  const flows = bundle.flows ?? [];
  const flowVersions = bundle.flowVersions ?? [];
  // The model maps a bundle's items by the ids they give; a bundle with an item without one is left alone.
  if (![...flows, ...flowVersions].every((item) => givenId(item) !== undefined)) return [];
  const judged = judgeImport({ flows, flowVersions }, answer, { now });
  shadow.created(applicationId, judged.flows, judged.versions);
  return defaults(judged.differences, 'import', 'importResult');
}

/**
 * What needs more than one exchange, judged against the shadow: scopes, read after write, totals. Only
 * what the shadow knows for certain is judged (docs/proxy.md).
 */
export function statefulRules(
  context: CheckContext,
  action: ActionSpec,
  query: ReadQuery | undefined,
  applicationId: string,
  shadow: TrafficShadow,
  served: boolean,
): Failure[] {
  const status = context.exchanges[0].response.status;
  return [
    ...accessRules(context, action, applicationId, shadow),
    ...(served && status === 200 && action.kind === 'collectionRead' && query
      ? [
          ...partitionRules(context, action, query, applicationId, shadow),
          ...knownCustomNodeRules(context, query, applicationId, shadow),
          ...pageRules(context, action, query, applicationId, shadow),
        ]
      : []),
    ...(served && status === 201 ? createdRules(context, action, query, applicationId, shadow) : []),
  ];
}
