import { bodyOf, isRecord, itemsOf, referenceLocation, type CheckContext } from '../checks/context';
import { CHECKS } from '../checks';
import type { CheckRef } from '../checks/refs';
import type { Failure } from '../model/results';
import { compileGlob } from '../mock/glob';
import type { ParsedQuery } from '../mock/query';
import { ruleFailure, type ProxyRule } from './exchange-context';

const run = (context: CheckContext, ref: CheckRef): readonly Failure[] =>
  (CHECKS[ref.check] as (context: CheckContext, ref: CheckRef) => readonly Failure[])(context, ref);

const text = (query: ParsedQuery, name: string): string | undefined => {
  const value = query.values.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** The collection echoes the query (API-wide conventions); the defaulted flowClass only by decision 7. */
function echoRules(context: CheckContext, query: ParsedQuery, applicationId: string): readonly Failure[] {
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
function countRule(context: CheckContext, query: ParsedQuery): readonly Failure[] {
  const body = bodyOf(context.exchanges[0]);
  const items = itemsOf(context.exchanges[0]) ?? [];
  const perPage = query.values.get('perPage') as number;
  const count = isRecord(body) ? body.count : undefined;
  if (count === items.length && items.length <= perPage) return [];
  return [
    ruleFailure(
      context,
      { check: 'countWithinPerPage', level: 'MUST' },
      `count ${JSON.stringify(count)} with ${items.length} items, perPage ${perPage}`,
      `count = the number of items ≤ perPage (${perPage})`,
      'spec/README.md API-wide conventions (count: items on this page)',
    ),
  ];
}

/** Sorted as asked: in some collation (MUST), and by decision 5's (SHOULD). */
function orderRules(context: CheckContext, query: ParsedQuery, versions: boolean): readonly Failure[] {
  const field = text(query, 'sortField') as string;
  // A version's `name` sort is by its flow's name, which a version does not carry (decision 12).
  if (versions && field === 'name') return [];
  const direction = text(query, 'sortDirection') as 'asc' | 'desc';
  const set = versions ? 'versions' : 'flows';
  return [
    ...run(context, { check: 'sortedBy', set, field, direction, exact: false }),
    ...run(context, { check: 'sortedBy', set, field, direction, exact: true, level: 'SHOULD', decision: 'sorting' }),
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
function filterRules(context: CheckContext, query: ParsedQuery): ItemRule[] {
  const filter = text(query, 'filter');
  if (!query.given.has('filterField') || filter === undefined || filter === '') return [];
  const exact = compileGlob(filter);
  const loose = compileGlob(`*${filter}*`, { questionAsStar: true });
  const name = (item: Record<string, unknown>) => (typeof item.name === 'string' ? item.name : '');
  const location = referenceLocation(context, 'query-params');
  return [
    {
      rule: { check: 'itemsMatchQuery', level: 'MUST' },
      broken: (item) => (loose.test(name(item)) ? undefined : `name ${JSON.stringify(item.name)}`),
      expected: `names holding the literal parts of filter=${filter}`,
      location,
    },
    {
      rule: { check: 'itemsMatchQuery', level: 'SHOULD', decision: 'filterGlobbing' },
      broken: (item) => (!loose.test(name(item)) || exact.test(name(item)) ? undefined : `name ${JSON.stringify(item.name)}`),
      expected: `names matching the glob ${filter} (whole name, any case, ? one character)`,
      location,
    },
  ];
}

/** flowClass: the given class (MUST), or cloud when none is given (decision 7). */
function flowClassRule(context: CheckContext, query: ParsedQuery): ItemRule {
  const flowClass = text(query, 'flowClass') as string;
  const given = query.given.has('flowClass');
  return {
    rule: given ? { check: 'itemsMatchQuery', level: 'MUST' } : { check: 'itemsMatchQuery', level: 'SHOULD', decision: 'flowClassDefault' },
    broken: (item) =>
      item.flowClass === undefined || item.flowClass === flowClass ? undefined : `flowClass ${JSON.stringify(item.flowClass)}`,
    expected: `flowClass ${flowClass}${given ? '' : ' (the default)'}`,
    location: referenceLocation(context, 'query-params'),
  };
}

/** Get by Version: the versions of the given version (MUST), compared exactly (decision 12). */
function versionRules(context: CheckContext, query: ParsedQuery): ItemRule[] {
  const version = text(query, 'version') as string;
  const location = referenceLocation(context, 'query-params');
  const shown = (item: Record<string, unknown>) => `version ${JSON.stringify(item.version)}`;
  return [
    {
      rule: { check: 'itemsMatchQuery', level: 'MUST' },
      broken: (item) =>
        typeof item.version === 'string' && item.version.toLowerCase() === version.toLowerCase() ? undefined : shown(item),
      expected: `versions named ${version}`,
      location,
    },
    {
      rule: { check: 'itemsMatchQuery', level: 'SHOULD', decision: 'getByVersion' },
      broken: (item) =>
        typeof item.version !== 'string' || item.version.toLowerCase() !== version.toLowerCase() || item.version === version
          ? undefined
          : shown(item),
      expected: `versions named exactly ${version}`,
      location,
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
    return [ruleFailure(context, entry.rule, `items outside the query: ${shown.join('; ')}`, entry.expected, entry.location)];
  });
}

/** includeCustomNodes: customNodes only when asked (decision 9), then a list. */
function customNodeRules(context: CheckContext, query: ParsedQuery): readonly Failure[] {
  if (query.values.get('includeCustomNodes') !== true)
    return run(context, { check: 'customNodes', present: false, level: 'SHOULD', decision: 'includeCustomNodes' });
  const body = bodyOf(context.exchanges[0]);
  if (isRecord(body) && Array.isArray(body.customNodes)) return [];
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
export function collectionRules(context: CheckContext, query: ParsedQuery, applicationId: string): readonly Failure[] {
  if (!itemsOf(context.exchanges[0])) return [];
  const versions = context.testCase.action === 'flows.getByVersion';
  return [
    ...echoRules(context, query, applicationId),
    ...countRule(context, query),
    ...orderRules(context, query, versions),
    ...itemRuleFailures(context, [
      ...(versions ? versionRules(context, query) : filterRules(context, query)),
      flowClassRule(context, query),
    ]),
    ...customNodeRules(context, query),
  ];
}
