import {
  bodyOf,
  decisionLocation,
  exchangeOf,
  failure,
  isRecord,
  itemsOf,
  missingExchange,
  referenceLocation,
  type Check,
  type CheckContext,
  type Exchange,
  shownField,
} from './context';
import { apiConventions } from '../../specs/catalog';
import { parseJson } from '../http/transport';
import type { RefOf } from './refs';
import { describeId, itemId, normalId, sameId, selectIds } from './select';
import { echoMismatches } from '../model/resource/page-echo';
import { pageCount } from '../model/resource/order';

const COLLECTION_ECHO = apiConventions('collection responses echo the query');

/** The collection echoes the query: `page`, `perPage`, `sortField`, `filter`, `flowClass`, ... */
export const collectionEcho: Check<RefOf<'collectionEcho'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const body = bodyOf(exchange);
  const echo = Object.fromEntries(
    Object.entries(ref.expect).map(([key, value]) => [
      key,
      typeof value === 'string' ? context.expand(value) : value,
    ]),
  );
  const wrong = echoMismatches(echo, isRecord(body) ? body : {});
  if (wrong.length === 0) return [];
  const shown = wrong.map(({ pointer, actual }) => shownField(pointer.slice(1), actual)).join(', ');
  const expected = wrong.map(
    ({ pointer, expected: value }) => `${pointer.slice(1)}=${JSON.stringify(value)}`,
  );
  return [
    failure(context, ref, `the collection echoes ${shown}`, expected.join(', '), COLLECTION_ECHO, exchange, {
      mismatches: wrong,
    }),
  ];
};

/** The items are exactly the data-set flows (or versions) that the selector names. */
export const itemSet: Check<RefOf<'itemSet'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const items = itemsOf(exchange);
  if (!items)
    return [
      failure(
        context,
        ref,
        'the body has no items array',
        'a collection',
        referenceLocation(context, 'successful-responses'),
        exchange,
        { pointer: '/items' },
      ),
    ];
  const expected = new Set(selectIds(context.data, ref.set, ref.where, context.expand));
  const got = new Set(items.map(itemId));
  const missing = [...expected].filter((id) => !got.has(id));
  const extra = ref.mode === 'includes' ? [] : [...got].filter((id) => !expected.has(id));
  if (missing.length === 0 && extra.length === 0) return [];
  const describe = (ids: string[]) => ids.map((id) => describeId(context.data, id)).join(', ');
  const problems = [
    missing.length ? `missing ${describe(missing)}` : '',
    extra.length ? `unexpected ${describe(extra)}` : '',
  ];
  const wanted = [...expected].map((id) => describeId(context.data, id)).join(', ') || 'no items';
  return [
    failure(
      context,
      ref,
      `the items differ: ${problems.filter(Boolean).join('; ')}`,
      `${ref.mode === 'includes' ? 'at least ' : 'exactly '}${wanted}`,
      referenceLocation(context, 'query-params'),
      exchange,
      {
        mismatches: [
          ref.mode === 'includes'
            ? { pointer: '/items', actual: [...got] }
            : { pointer: '/items', actual: [...got], expected: [...expected] },
        ],
      },
    ),
  ];
};

/** Page i of perPage P over T matches: count = min(P, T - iP) (never negative), totalCount = T, echoes. */
export const pageWindow: Check<RefOf<'pageWindow'>> = (context, ref) => {
  const total = selectIds(context.data, ref.set, ref.where, context.expand).length;
  return context.exchanges.flatMap((exchange, page) => {
    const body = bodyOf(exchange);
    const items = itemsOf(exchange);
    const count = pageCount(total, page, ref.perPage);
    const expected = { count, totalCount: total, page, perPage: ref.perPage };
    const record = isRecord(body) ? body : {};
    const got = {
      count: record.count,
      totalCount: record.totalCount,
      page: record.page,
      perPage: record.perPage,
    };
    const wrong = [
      ...(items?.length === count ? [] : [{ pointer: '/items', actual: items?.length, expected: count }]),
      ...echoMismatches(expected, record),
    ];
    if (wrong.length === 0) return [];
    return [
      failure(
        context,
        ref,
        `page ${page}: ${items?.length ?? 'no'} items, ${JSON.stringify(got)}`,
        `${count} items and ${JSON.stringify(expected)} (0-based pages)`,
        referenceLocation(context, 'query-params'),
        exchange,
        { mismatches: wrong },
      ),
    ];
  });
};

/** Walking the pages shows every item once: none repeated, none skipped. */
export const pagesPartition: Check<RefOf<'pagesPartition'>> = (context, ref) => {
  const seen = context.exchanges.flatMap((exchange) => (itemsOf(exchange) ?? []).map(itemId));
  const expected = selectIds(context.data, ref.set, ref.where, context.expand);
  const repeated = seen.filter((id, index) => seen.indexOf(id) !== index);
  const skipped = expected.filter((id) => !seen.includes(id));
  if (repeated.length === 0 && skipped.length === 0) return [];
  const describe = (ids: string[]) => [...new Set(ids)].map((id) => describeId(context.data, id)).join(', ');
  const problem = [
    repeated.length ? `repeated ${describe(repeated)}` : '',
    skipped.length ? `skipped ${describe(skipped)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return [
    failure(
      context,
      ref,
      `across the pages: ${problem}`,
      'each item on exactly one page',
      decisionLocation('sorting'),
      context.exchanges.at(-1),
      { pointer: '/items' },
    ),
  ];
};

/** `config.flowId` of each node of a Workflow. */
const nodeFlowIds = (workflow: unknown): unknown[] =>
  isRecord(workflow) && Array.isArray(workflow.nodes)
    ? workflow.nodes.map((node) => (isRecord(node) && isRecord(node.config) ? node.config.flowId : undefined))
    : [];

/**
 * Ids of the data set's custom-node flows that the answer should list: those the returned items
 * reference (a collection, per the data facts), or those the nodes of the sent Workflow reference (Post, P3).
 */
function referencedCustomNodes(context: CheckContext, exchange: Exchange): string[] {
  const items = itemsOf(exchange);
  if (!items) {
    const sent = parseJson(exchange.request.body ?? '');
    const ids = nodeFlowIds(sent.ok ? sent.value : undefined);
    return context.data.flows
      .filter((flow) => flow.flowClass === 'customNode' && ids.some((id) => sameId(id, flow.id)))
      .map((flow) => normalId(flow.id));
  }
  const returned = new Set(
    items.map((item) => (typeof item.flowId === 'string' ? normalId(item.flowId) : itemId(item))),
  );
  const referenced = [...context.data.flows, ...context.data.versionFlows, ...context.data.crossFlows]
    .filter((flow) => returned.has(normalId(flow.id)))
    .flatMap((flow) => flow.customNodeKeys);
  return context.data.flows.filter((flow) => referenced.includes(flow.key)).map((flow) => normalId(flow.id));
}

/**
 * includeCustomNodes: `customNodes` holds the custom-node flows the returned flows (or the created one)
 * reference, or is absent.
 */
export const customNodes: Check<RefOf<'customNodes'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const body = bodyOf(exchange);
  const location = referenceLocation(context, 'query-params');
  if (!ref.present) {
    return isRecord(body) && 'customNodes' in body
      ? [
          failure(
            context,
            ref,
            'the body has a customNodes key',
            'no customNodes key without includeCustomNodes=true',
            location,
          ),
        ]
      : [];
  }
  const wanted = referencedCustomNodes(context, exchange);
  const list =
    isRecord(body) && Array.isArray(body.customNodes)
      ? body.customNodes.filter(isRecord).map(itemId)
      : undefined;
  const missing = wanted.filter((id) => !list?.includes(id));
  const extra = (list ?? []).filter((id) => !wanted.includes(id));
  if (list && missing.length === 0 && extra.length === 0) return [];
  const describe = (ids: string[]) => ids.map((id) => describeId(context.data, id)).join(', ');
  const problems = [
    missing.length ? `customNodes lacks ${describe(missing)}` : '',
    extra.length ? `customNodes holds ${describe(extra)}, which no returned item references` : '',
  ];
  return [
    failure(
      context,
      ref,
      list ? problems.filter(Boolean).join('; ') : 'no customNodes array',
      `customNodes with exactly ${describe(wanted) || 'no flows'}`,
      location,
    ),
  ];
};

/**
 * No flow of another application in the answer (its items, customNodes, or the created Workflow's
 * customNodes): a token reaches its own application only (API-wide conventions). Ids are read from the
 * answer's structure, not its text, since a created flow's nodes may name a foreign id as they were sent.
 */
export const noForeignData: Check<RefOf<'noForeignData'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const body = bodyOf(exchange);
  if (!isRecord(body)) return [];
  const listed = [body.items, body.customNodes]
    .filter(Array.isArray)
    .flatMap((list: unknown[]) => list.filter(isRecord).map(itemId));
  const foreign = new Set(context.data.foreignFlows.map((flow) => normalId(flow.id)));
  const leaked = listed.filter((id) => foreign.has(id));
  if (leaked.length === 0) return [];
  return [
    failure(
      context,
      ref,
      `the answer lists flow ${leaked.join(', ')} of another application`,
      'only flows of the application asked for',
      `${apiConventions('a token reaches its own application')} and ${decisionLocation('includeCustomNodes')}: custom-node flows of the same application`,
    ),
  ];
};
