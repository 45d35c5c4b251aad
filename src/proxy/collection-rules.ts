import { bodyOf, isRecord, itemsOf, referenceLocation, type CheckContext } from '../checks/context';
import { apiConventions } from '../../specs/catalog';
import { CHECKS } from '../checks';
import type { CheckRef } from '../checks/refs';
import type { Failure } from '../model/results';
import { compileGlob } from '../model/resource/glob';
import { pageCount } from '../model/resource/order';
import type { ReadQuery } from './request-verdict';
import { itemId, normalId } from '../checks/select';
import { ruleFailure, type ProxyRule } from './exchange-context';

const run = (context: CheckContext, ref: CheckRef): readonly Failure[] =>
  (CHECKS[ref.check] as (context: CheckContext, ref: CheckRef) => readonly Failure[])(context, ref);

const text = (query: ReadQuery, name: string): string | undefined => {
  const value = query.values.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** The collection echoes the query (API-wide conventions); the defaulted flowClass only by decision 7. */
function echoRules(context: CheckContext, query: ReadQuery, applicationId: string): readonly Failure[] {
  const expect: Record<string, string | number> = { applicationId };
  for (const name of ['page', 'perPage', 'sortField', 'sortDirection']) {
    const value = query.values.get(name);
    if (typeof value === 'string' || typeof value === 'number') expect[name] = value;
  }
  for (const name of ['filter', 'filterField', 'flowClass'])
    if (query.given.has(name)) expect[name] = text(query, name) as string;
  const defaultClass = query.given.has('flowClass') ? undefined : text(query, 'flowClass');
  return [
    ...run(context, { check: 'collectionEcho', expect }),
    ...(defaultClass === undefined
      ? []
      : run(context, {
          check: 'collectionEcho',
          expect: { flowClass: defaultClass },
          level: 'SHOULD',
          decision: 'flowClassDefault',
        })),
  ];
}

/** `count` is the number of items on the page, never above `perPage` (API-wide conventions, decision 4). */
function countRule(context: CheckContext, query: ReadQuery): readonly Failure[] {
  const body = bodyOf(context.exchanges[0]);
  const items = itemsOf(context.exchanges[0]) ?? [];
  const perPage = query.values.get('perPage') as number;
  const count = isRecord(body) ? body.count : undefined;
  if (count === items.length && items.length <= perPage) return [];
  return [
    ruleFailure(
      context,
      { check: 'pageWindow', level: 'MUST' },
      `count ${JSON.stringify(count)} with ${items.length} items, perPage ${perPage}`,
      `count = the number of items ≤ perPage (${perPage})`,
      apiConventions('count: items on this page'),
    ),
  ];
}

/**
 * The page is the window of the matches the answer counts: count = min(perPage, totalCount − page ×
 * perPage), never negative. The first page by the reference (MUST); later ones by decision 4's 0-based paging.
 */
function windowRule(context: CheckContext, query: ReadQuery): readonly Failure[] {
  const body = bodyOf(context.exchanges[0]);
  if (!isRecord(body) || typeof body.totalCount !== 'number') return [];
  const page = query.values.get('page') as number;
  const perPage = query.values.get('perPage') as number;
  const count = itemsOf(context.exchanges[0])?.length ?? 0;
  const expected = pageCount(body.totalCount, page, perPage);
  if (count === expected) return [];
  return [
    ruleFailure(
      context,
      page === 0
        ? { check: 'pageWindow', level: 'MUST' }
        : { check: 'pageWindow', level: 'SHOULD', decision: 'paging' },
      `page ${page} of perPage ${perPage} holds ${count} items of totalCount ${body.totalCount}`,
      `${expected} items (0-based pages)`,
      referenceLocation(context, 'query-params'),
    ),
  ];
}

/** Sorted as asked: in some collation (MUST), and by decision 5's (SHOULD). */
function orderRules(context: CheckContext, query: ReadQuery, versions: boolean): readonly Failure[] {
  const field = text(query, 'sortField') as string;
  // A version's `name` sort is by its flow's name, which a version does not carry (decision 12).
  if (versions && field === 'name') return [];
  const direction = text(query, 'sortDirection') as 'asc' | 'desc';
  const set = versions ? 'versions' : 'flows';
  return [
    ...run(context, { check: 'sortedBy', set, field, direction, exact: false }),
    ...run(context, {
      check: 'sortedBy',
      set,
      field,
      direction,
      exact: true,
      level: 'SHOULD',
      decision: 'sorting',
    }),
  ];
}

interface ItemRule {
  readonly rule: ProxyRule;
  /** The rule's reading of an item: undefined if the item keeps it, else what is wrong. */
  readonly broken: (item: Record<string, unknown>) => string | undefined;
  readonly expected: string;
  readonly location: string;
}

/** filter (a glob on the name, decision 6): literal parts in order (MUST), decision 6's exact match (SHOULD). */
function filterRules(context: CheckContext, query: ReadQuery): ItemRule[] {
  const filter = text(query, 'filter');
  if (!query.given.has('filterField') || filter === undefined || filter === '') return [];
  const exact = compileGlob(filter);
  const loose = compileGlob(`*${filter}*`, { questionAsStar: true });
  const name = (item: Record<string, unknown>) => (typeof item.name === 'string' ? item.name : '');
  const location = referenceLocation(context, 'query-params');
  return [
    {
      rule: { check: 'itemSet', level: 'MUST' },
      broken: (item) => (loose.test(name(item)) ? undefined : `name ${JSON.stringify(item.name)}`),
      expected: `names holding the literal parts of filter=${filter}`,
      location,
    },
    {
      rule: { check: 'itemSet', level: 'SHOULD', decision: 'filterGlobbing' },
      broken: (item) =>
        !loose.test(name(item)) || exact.test(name(item)) ? undefined : `name ${JSON.stringify(item.name)}`,
      expected: `names matching the glob ${filter} (whole name, any case, ? one character)`,
      location,
    },
  ];
}

/** flowClass: the given class (MUST), or cloud when none is given (decision 7). */
function flowClassRule(context: CheckContext, query: ReadQuery): ItemRule {
  const flowClass = text(query, 'flowClass') as string;
  const given = query.given.has('flowClass');
  return {
    rule: given
      ? { check: 'itemSet', level: 'MUST' }
      : { check: 'itemSet', level: 'SHOULD', decision: 'flowClassDefault' },
    broken: (item) =>
      item.flowClass === undefined || item.flowClass === flowClass
        ? undefined
        : `flowClass ${JSON.stringify(item.flowClass)}`,
    expected: `flowClass ${flowClass}${given ? '' : ' (the default)'}`,
    location: referenceLocation(context, 'query-params'),
  };
}

/** Get by Version: the versions of the given version (MUST), compared exactly (decision 12). */
function versionRules(context: CheckContext, query: ReadQuery): ItemRule[] {
  const version = text(query, 'version') as string;
  const location = referenceLocation(context, 'query-params');
  const shown = (item: Record<string, unknown>) => `version ${JSON.stringify(item.version)}`;
  return [
    {
      rule: { check: 'itemSet', level: 'MUST' },
      broken: (item) =>
        typeof item.version === 'string' && item.version.toLowerCase() === version.toLowerCase()
          ? undefined
          : shown(item),
      expected: `versions named ${version}`,
      location,
    },
    {
      rule: { check: 'itemSet', level: 'SHOULD', decision: 'getByVersion' },
      broken: (item) =>
        typeof item.version !== 'string' ||
        item.version.toLowerCase() !== version.toLowerCase() ||
        item.version === version
          ? undefined
          : shown(item),
      expected: `versions named exactly ${version}`,
      location,
    },
  ];
}

/**
 * triggerFilter (decision 8): a returned flow without a default version has a trigger matching every
 * field of some entry. A flow with a default version is judged by that version's triggers, which a page
 * does not show: it is left alone.
 */
function triggerRule(context: CheckContext, query: ReadQuery): ItemRule[] {
  const entries = query.values.get('triggerFilter') as readonly { type?: string; key?: string }[] | undefined;
  if (!entries || entries.length === 0) return [];
  const matches = (trigger: unknown) =>
    isRecord(trigger) &&
    entries.some(
      (entry) =>
        (entry.type === undefined || trigger.type === entry.type) &&
        (entry.key === undefined || trigger.key === entry.key),
    );
  return [
    {
      rule: { check: 'itemSet', level: 'SHOULD', decision: 'triggerFilter' },
      broken: (item) =>
        (typeof item.defaultVersionId === 'string' && item.defaultVersionId !== '') ||
        (Array.isArray(item.triggers) && item.triggers.some(matches))
          ? undefined
          : `${String(item.name)} has no trigger matching triggerFilter`,
      expected: `flows with a trigger matching ${JSON.stringify(entries)}`,
      location: referenceLocation(context, 'query-params'),
    },
  ];
}

function itemRuleFailures(context: CheckContext, rules: readonly ItemRule[]): Failure[] {
  const items = itemsOf(context.exchanges[0]) ?? [];
  return rules.flatMap((entry) => {
    const broken = items.flatMap((item, index) => {
      const wrong = entry.broken(item);
      return wrong === undefined ? [] : [`item ${index}: ${wrong}`];
    });
    if (broken.length === 0) return [];
    const shown = broken.length > 3 ? [...broken.slice(0, 3), `and ${broken.length - 3} more`] : broken;
    return [
      ruleFailure(
        context,
        entry.rule,
        `items outside the query: ${shown.join('; ')}`,
        entry.expected,
        entry.location,
      ),
    ];
  });
}

/** `config.flowId` of every node of the returned items, normalised. */
const referencedFlowIds = (items: readonly Record<string, unknown>[]): Set<string> =>
  new Set(
    items.flatMap((item) =>
      Array.isArray(item.nodes)
        ? item.nodes.flatMap((node) =>
            isRecord(node) && isRecord(node.config) && typeof node.config.flowId === 'string'
              ? [normalId(node.config.flowId)]
              : [],
          )
        : [],
    ),
  );

/** Decision 9: customNodes holds custom-node flows that a returned item's nodes reference, and no others. */
function unreferencedCustomNodes(context: CheckContext, customNodes: readonly unknown[]): readonly Failure[] {
  const referenced = referencedFlowIds(itemsOf(context.exchanges[0]) ?? []);
  const wrong = customNodes
    .filter(isRecord)
    .filter(
      (flow) =>
        !referenced.has(itemId(flow)) || (flow.flowClass !== undefined && flow.flowClass !== 'customNode'),
    )
    .map((flow) => `${String(flow.name)} (${itemId(flow)})`);
  if (wrong.length === 0) return [];
  return [
    ruleFailure(
      context,
      { check: 'customNodes', level: 'SHOULD', decision: 'includeCustomNodes' },
      `customNodes holds ${wrong.slice(0, 3).join(', ')}, which no returned item references`,
      'only the custom-node flows the returned items’ nodes reference',
      referenceLocation(context, 'query-params'),
    ),
  ];
}

/** includeCustomNodes: customNodes only when asked (decision 9), then a list. */
function customNodeRules(context: CheckContext, query: ReadQuery): readonly Failure[] {
  if (query.values.get('includeCustomNodes') !== true)
    return run(context, {
      check: 'customNodes',
      present: false,
      level: 'SHOULD',
      decision: 'includeCustomNodes',
    });
  const body = bodyOf(context.exchanges[0]);
  if (isRecord(body) && Array.isArray(body.customNodes))
    return unreferencedCustomNodes(context, body.customNodes);
  return [
    ruleFailure(
      context,
      { check: 'customNodes', level: 'SHOULD', decision: 'includeCustomNodes' },
      'no customNodes array',
      'customNodes with includeCustomNodes=true',
      referenceLocation(context, 'query-params'),
    ),
  ];
}

/**
 * A served page of Get or Get by Version against the query it answers: the echo, count ≤ perPage, the
 * order, and each item against filter, flowClass and version. triggerFilter is not judged: it reads a
 * flow's default version, which a page does not show.
 */
export function collectionRules(
  context: CheckContext,
  query: ReadQuery,
  applicationId: string,
): readonly Failure[] {
  if (!itemsOf(context.exchanges[0])) return [];
  const versions = context.testCase.action === 'flows.getByVersion';
  return [
    ...echoRules(context, query, applicationId),
    ...countRule(context, query),
    ...windowRule(context, query),
    ...orderRules(context, query, versions),
    ...itemRuleFailures(context, [
      ...(versions
        ? versionRules(context, query)
        : [...filterRules(context, query), ...triggerRule(context, query)]),
      flowClassRule(context, query),
    ]),
    ...customNodeRules(context, query),
  ];
}
