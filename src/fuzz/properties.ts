import fc from 'fast-check';
import {
  ACTIONS,
  actionById,
  caseLabel,
  MAX_PER_PAGE,
  successResponse,
  pathFor,
  type ActionId,
  type ActionSpec,
} from '../../specs/catalog';
import { CHECKS } from '../checks';
import { decisionLocation, type CheckContext, type Exchange } from '../checks/context';
import type { CheckRef } from '../checks/refs';
import { normalId, selectFlows } from '../checks/select';
import { isRecord } from '../model/json';
import { pointerTo } from '../model/json-pointer';
import type { RuleCode } from '../model/rules';
import { noDataFacts } from '../model/data-facts';
import { validatorFor } from '../schemas/registry';
import { answered, exchange, never, requestFor, RuleBroken, type Wire } from './exchange';
import { linkedBundle, underPrefix } from './own-data';
import { globMatches } from '../model/resource/glob';
import { countMismatches } from '../model/resource/page-echo';
import { brokenQuery, decodeQuery, encodeQuery, validQuery, type Query, type QueryPools } from './query';
import { validValues } from './schema-arbitrary';
import { brokenValues } from './schema-breakers';
import { flowFact, type SeedFacts } from './seed-data';

/** One property of one action: inputs, and what every answer to them must be. */
export interface FuzzProperty {
  /** The case id in the reports: `GET flows: fuzz: ...`. */
  readonly id: string;
  readonly action: ActionId;
  readonly arbitrary: fc.Arbitrary<unknown>;
  readonly check: (input: unknown) => Promise<void>;
}

export interface PropertyContext {
  readonly wire: Wire;
  /** Where the seeded flows live: the Get properties read only these. */
  readonly seedPrefix: string;
  readonly seed: SeedFacts;
  readonly pools: QueryPools;
  /** A name prefix of its own for each writing property (their counts never disturb one another). */
  readonly namespace: (tag: string) => string;
  readonly flowClasses: readonly string[];
  /** Every id an answer of the run named so far (an Import's new ids must be none of them). */
  readonly seenIds: Set<string>;
}

/** Bodies above this many bytes are not generated: a server may refuse them as too large (P2). */
export const BODY_BUDGET_BYTES = 256 * 1024;
const withinBudget = (body: unknown) => Buffer.byteLength(JSON.stringify(body) ?? '') <= BODY_BUDGET_BYTES;

const QUERY_RULES = 'flows-actions.md#get-query-params';

const parameterDefault = (action: ActionSpec, name: string): string | undefined =>
  action.query.find((parameter) => parameter.name === name)?.default;

/** The triggerFilter entries a server reads from the query, or undefined when none filter. */
function triggerEntries(sent: Query): { type?: string; key?: string }[] | undefined {
  const given = sent.triggerFilter;
  if (!Array.isArray(given) || given.length === 0) return undefined;
  return given.filter(isRecord).map((entry) => ({
    ...(typeof entry.type === 'string' && { type: entry.type }),
    ...(typeof entry.key === 'string' && { key: entry.key }),
  }));
}

const EMPTY_FACTS = noDataFacts({ state: 'ready' });

/** A check of src/checks run on a fuzz exchange; its first failure becomes the broken rule. */
function reuseCheck(
  wire: Wire,
  id: string,
  action: ActionId,
  exchanges: Exchange[],
  ref: CheckRef,
  rule: RuleCode,
): void {
  const context: CheckContext = {
    testCase: { id, action, aspect: 'fuzz', level: 'MUST', covers: [], checks: [ref] },
    exchanges,
    baseUrl: wire.transport.baseUrl,
    data: EMPTY_FACTS,
    expand: (text) => text,
  };
  const [failure] = CHECKS[ref.check](context, ref as never);
  if (failure)
    throw new RuleBroken(
      rule,
      failure.message,
      failure.expected ?? '',
      failure.location,
      exchanges.at(-1),
      failure.pointer,
    );
}

function itemProblem(
  context: PropertyContext,
  action: ActionSpec,
  sent: Query,
  item: Record<string, unknown>,
): string | undefined {
  const flow =
    action.id === 'flows.getByVersion' ? context.seed.flows.get(normalId(String(item.flowId))) : item;
  if (!flow) return `version ${String(item.id)} belongs to flow ${String(item.flowId)}, not one of the run’s`;
  const name = String(flow.name);
  if (!name.toLowerCase().startsWith(context.seedPrefix.toLowerCase()))
    return `"${name}" lies outside the run’s prefix ${context.seedPrefix}`;
  if (typeof sent.filter === 'string' && !globMatches(sent.filter, name))
    return `"${name}" does not match filter ${JSON.stringify(sent.filter)}`;
  if (
    action.id === 'flows.getByVersion' &&
    String(item.version).toLowerCase() !== String(sent.version).toLowerCase()
  )
    return `version "${String(item.version)}" is not ${JSON.stringify(sent.version)}`;
  const fact = flowFact(context.seed, flow);
  const flowClass =
    typeof sent.flowClass === 'string' ? sent.flowClass : parameterDefault(action, 'flowClass');
  if (String(flow.flowClass) !== flowClass)
    return `"${name}" is of flowClass ${String(flow.flowClass)}, not ${flowClass}`;
  const triggers = triggerEntries(sent);
  if (fact && triggers && selectFlows([fact], { flowClass: '*', triggers }).length === 0)
    return `"${name}" has no trigger matching ${JSON.stringify(triggers)}`;
  return undefined;
}

/** Every item matches the query; count is the number of items and at most perPage. */
function itemsMatch(
  context: PropertyContext,
  action: ActionSpec,
  sent: Query,
  body: unknown,
  seen: Exchange,
): void {
  if (!isRecord(body) || !Array.isArray(body.items)) return;
  const perPage = Number(sent.perPage ?? parameterDefault(action, 'perPage'));
  const counts = countMismatches(body, body.items, perPage);
  if (counts.perPage)
    throw new RuleBroken(
      'pageWindow',
      `count ${String(body.count)} with ${body.items.length} items, perPage ${perPage}`,
      'count ≤ perPage',
      QUERY_RULES,
      seen,
      counts.perPage.pointer,
    );
  if (counts.count)
    throw new RuleBroken(
      'pageWindow',
      `count ${String(body.count)} but ${body.items.length} items`,
      'count = the number of items',
      QUERY_RULES,
      seen,
      counts.count.pointer,
    );
  for (const item of body.items.filter(isRecord)) {
    const problem = itemProblem(context, action, sent, item);
    if (problem)
      throw new RuleBroken(
        'itemSet',
        problem,
        'every item matching flowClass, filter, triggerFilter (and version)',
        QUERY_RULES,
        seen,
        pointerTo('items', body.items.indexOf(item)),
      );
  }
}

function collectionProperties(context: PropertyContext, action: ActionSpec): FuzzProperty[] {
  const path = pathFor(action, { APPLICATION_ID: context.wire.applicationId });
  const label = caseLabel(action);
  const success = successResponse(action).status;
  const queries = validQuery(action, context.seedPrefix, context.pools);
  const get = async (query: Query) => {
    const text = encodeQuery(query);
    const seen = await exchange(context.wire, requestFor(context.wire, path, text));
    return { seen, sent: decodeQuery(text) ?? {}, body: answered(action, seen, success, 'a valid query') };
  };
  const properties: FuzzProperty[] = [
    {
      id: `${label}: fuzz: answers every valid query with its items (flowClass, filter, triggerFilter, count ≤ perPage)`,
      action: action.id,
      arbitrary: queries,
      check: async (input) => {
        const { seen, sent, body } = await get(input as Query);
        itemsMatch(context, action, sent, body, seen);
      },
    },
    {
      id: `${label}: fuzz: totalCount is the same on every page`,
      action: action.id,
      arbitrary: queries,
      check: async (input) => {
        const query = input as Query;
        const page = Number(query.page ?? 0);
        const first = await get(query);
        const next = await get({ ...query, page: String(page + 1) });
        const totals = [first.body, next.body].map((body) => (isRecord(body) ? body.totalCount : undefined));
        if (totals[0] !== totals[1])
          throw new RuleBroken(
            'pageWindow',
            `totalCount ${String(totals[0])} on page ${page}, ${String(totals[1])} on page ${page + 1}`,
            'the same totalCount on every page',
            decisionLocation('paging'),
            next.seen,
          );
      },
    },
  ];
  const broken = brokenQuery(action, context.seedPrefix, context.pools);
  if (broken)
    properties.push({
      id: `${label}: fuzz: refuses every invalid query with 400 and an Error body`,
      action: action.id,
      arbitrary: broken,
      check: async (input) => {
        const { query, rule } = input as { query: Query; rule: string };
        const seen = await exchange(context.wire, requestFor(context.wire, path, encodeQuery(query)));
        answered(action, seen, 400, `the query breaks ${rule}`);
      },
    });
  return properties;
}

/** Flows under a prefix, all classes: how a refused write shows it changed nothing. */
async function countUnder(context: PropertyContext, prefix: string): Promise<number> {
  const get = actionById('flows.get');
  const counts = await Promise.all(
    context.flowClasses.map(async (flowClass) => {
      const text = encodeQuery({ filterField: 'name', filter: `${prefix}*`, flowClass, perPage: '1' });
      const seen = await exchange(
        context.wire,
        requestFor(context.wire, pathFor(get, { APPLICATION_ID: context.wire.applicationId }), text),
      );
      const body = answered(get, seen, 200, 'counting the run’s flows');
      return isRecord(body) && typeof body.totalCount === 'number' ? body.totalCount : 0;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

function refusedProperty(
  context: PropertyContext,
  action: ActionSpec,
  tag: string,
  bodies: fc.Arbitrary<{ value: unknown; rule: string; at: string }>,
): FuzzProperty {
  const prefix = context.namespace(tag);
  const path = pathFor(action, { APPLICATION_ID: context.wire.applicationId });
  let known = 0;
  return {
    id: `${caseLabel(action)}: fuzz: refuses every invalid body with 400 and changes nothing`,
    action: action.id,
    arbitrary: bodies,
    check: async (input) => {
      const { value, rule, at } = input as { value: unknown; rule: string; at: string };
      const seen = await exchange(context.wire, requestFor(context.wire, path, '', value));
      never(action, seen);
      const refused = (() => {
        try {
          answered(action, seen, 400, `the body breaks ${rule} at ${at || '/'}`);
          return undefined;
        } catch (error) {
          return error;
        }
      })();
      const before = known;
      try {
        known = await countUnder(context, prefix);
      } catch (error) {
        throw refused ?? error;
      }
      if (refused) throw refused;
      if (known !== before)
        throw new RuleBroken(
          'nothingCreated',
          `the run’s flows went from ${before} to ${known}`,
          'nothing created by a request refused with 400',
          `RFC 9110 §15.5; ${decisionLocation('importResult')}`,
          seen,
        );
    },
  };
}

function brokenBodies(name: 'workflowPost' | 'workflowImport', prefix: string) {
  const validate = validatorFor(name);
  const named = (value: unknown): unknown =>
    name === 'workflowPost' || !isRecord(value) || !Array.isArray(value.flows)
      ? underPrefix(prefix, value)
      : { ...value, flows: value.flows.map((flow) => underPrefix(prefix, flow)) };
  return brokenValues(name)
    .map((broken) => ({ ...broken, value: named(broken.value) }))
    .filter((broken) => validate(broken.value).length > 0 && withinBudget(broken.value));
}

function postProperties(context: PropertyContext, action: ActionSpec): FuzzProperty[] {
  const get = actionById('flows.get');
  const prefix = context.namespace('post');
  const label = caseLabel(action);
  const bodies = validValues('workflowPost')
    .map((body) => underPrefix(prefix, body) as Record<string, unknown>)
    .filter(withinBudget);
  return [
    {
      id: `${label}: fuzz: creates every valid body (201, a valid Workflow) and reads it back equal`,
      action: action.id,
      arbitrary: fc.record({ query: validQuery(action, prefix, context.pools), body: bodies }),
      check: async (input) => {
        const { query, body } = input as { query: Query; body: Record<string, unknown> };
        const posted = await exchange(
          context.wire,
          requestFor(
            context.wire,
            pathFor(action, { APPLICATION_ID: context.wire.applicationId }),
            encodeQuery(query),
            body,
          ),
        );
        const created = answered(action, posted, 201, 'a body valid against Workflow Post');
        const flowClass = isRecord(created) ? String(created.flowClass) : 'cloud';
        const text = encodeQuery({
          filterField: 'name',
          filter: String(body.name),
          flowClass,
          perPage: String(MAX_PER_PAGE),
        });
        const fetched = await exchange(
          context.wire,
          requestFor(context.wire, pathFor(get, { APPLICATION_ID: context.wire.applicationId }), text),
        );
        answered(get, fetched, 200, 'reading the created flow');
        // A null the Workflow cannot hold means "none" (docs/mock.md): compared as left out.
        const meant = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
        const compared = { ...posted, request: { ...posted.request, body: JSON.stringify(meant) } };
        reuseCheck(
          context.wire,
          'fuzz',
          action.id,
          [compared, fetched],
          { check: 'roundTrip', fetchedAt: 1 },
          'roundTrip',
        );
      },
    },
    refusedProperty(
      context,
      action,
      'post-refused',
      brokenBodies('workflowPost', context.namespace('post-refused')),
    ),
  ];
}

function importProperties(context: PropertyContext, action: ActionSpec): FuzzProperty[] {
  const prefix = context.namespace('import');
  const validate = validatorFor('workflowImport');
  const bundles = validValues('workflowImport')
    .map((bundle) => linkedBundle(prefix, bundle))
    .filter((bundle) => validate(bundle).length === 0 && withinBudget(bundle));
  return [
    {
      id: `${caseLabel(action)}: fuzz: imports every valid bundle (201, fresh ids, complete id maps)`,
      action: action.id,
      arbitrary: bundles,
      check: async (input) => {
        const seen = await exchange(
          context.wire,
          requestFor(
            context.wire,
            pathFor(action, { APPLICATION_ID: context.wire.applicationId }),
            '',
            input,
          ),
        );
        const body = answered(
          action,
          seen,
          201,
          'a bundle valid against Workflow Import, its references coherent',
        );
        reuseCheck(context.wire, 'fuzz', action.id, [seen], { check: 'importMaps' }, 'importMaps');
        const result = body as { flows: { id: string }[]; flowVersions: { id: string }[] };
        const given = new Set(
          [
            ...((input as { flows?: { id?: string }[] }).flows ?? []),
            ...((input as { flowVersions?: { id?: string }[] }).flowVersions ?? []),
          ].map((item) => (item.id === undefined ? '' : normalId(item.id))),
        );
        const fresh = [...result.flows, ...result.flowVersions].map((item) => normalId(item.id));
        const stale = fresh.filter(
          (id, index) => given.has(id) || context.seenIds.has(id) || fresh.indexOf(id) !== index,
        );
        for (const id of fresh) context.seenIds.add(id);
        if (stale.length > 0)
          throw new RuleBroken(
            'freshIds',
            `ids not fresh: ${stale.join(', ')}`,
            'a new id for every flow and version, unlike any given or seen',
            decisionLocation('importResult'),
            seen,
          );
      },
    },
    refusedProperty(
      context,
      action,
      'import-refused',
      brokenBodies('workflowImport', context.namespace('import-refused')),
    ),
  ];
}

/** The properties of a create action, by the schema of its body. */
const CREATE_PROPERTIES: Readonly<
  Record<string, (context: PropertyContext, action: ActionSpec) => FuzzProperty[]>
> = {
  workflowPost: postProperties,
  workflowImport: importProperties,
};

/**
 * Every property of every action of the catalog, in its order, chosen by the action's kind (and a
 * create's body): an action fuzz has no properties for is an error, never silently left out.
 */
export function fuzzProperties(
  context: PropertyContext,
  actions: readonly ActionSpec[] = ACTIONS,
): FuzzProperty[] {
  return actions.flatMap((action) => {
    if (action.kind === 'collectionRead') return collectionProperties(context, action);
    const create =
      action.kind === 'create' && action.requestBody && CREATE_PROPERTIES[action.requestBody.schema];
    if (create) return create(context, action);
    throw new Error(
      `fuzz has no properties for ${action.id} (kind ${action.kind}${action.requestBody ? `, body ${action.requestBody.schema}` : ''}): add them in src/fuzz/properties.ts`,
    );
  });
}
