import type { Level } from '../results';
import { isRecord } from '../json';
import { customNodeIds, customNodeLeak, keptAsSent, pointerTo, sameId } from './answer';
import type { ExpectedPage } from './collection';
import { countMismatches, echoMismatches } from './page-echo';
import { pageCount } from './order';
import type { ModelFlow, ModelVersion } from './state';
import { capped, difference, type Difference } from './verdict';

const ECHO = 'docs/reference-decisions.md API-wide conventions (collections echo the query)';
const D4 = 'docs/reference-decisions.md decision 4';
const D5 = 'docs/reference-decisions.md decision 5';
const D9 = 'docs/reference-decisions.md decision 9';

export interface PageView {
  /**
   * `exact`: the query can only match the run's own data (its filter is anchored at the run's prefix), so
   * the model knows every item. Otherwise the page may hold anything else too, and only what holds for
   * any data is judged.
   */
  readonly exact: boolean;
  readonly cap: Level;
  /** Ids of the run's flows in applications this request does not name: never in its answer. */
  readonly elsewhere: ReadonlySet<string>;
}

const idOf = (item: unknown): string =>
  isRecord(item) && typeof item.id === 'string' ? item.id.toLowerCase() : '';

function echoDifferences(
  expected: ExpectedPage,
  body: Record<string, unknown>,
  items: unknown[],
  cap: Level,
) {
  const found: Difference[] = [];
  const counts = countMismatches(body, items, expected.perPage);
  if (counts.count)
    found.push(
      difference('pageWindow', 'MUST', '/count', `count ${String(body.count)}, ${items.length} items`, ECHO),
    );
  if (counts.perPage)
    found.push(
      difference('pageWindow', 'MUST', '/items', `${items.length} items, perPage ${expected.perPage}`, ECHO),
    );
  for (const { pointer, actual, expected: value } of echoMismatches(expected.echo, body))
    found.push(
      difference(
        'collectionEcho',
        capped('MUST', cap),
        pointer,
        `${pointer.slice(1)} is ${JSON.stringify(actual)}, ${JSON.stringify(value)} expected`,
        ECHO,
      ),
    );
  return found;
}

/** Items as stored: each field as sent (MUST); a version's flow is the one it was imported with. */
function contentDifferences(
  known: ReadonlyMap<string, ModelFlow | ModelVersion>,
  items: unknown[],
  cap: Level,
) {
  return items.flatMap((item, index) => {
    const model = known.get(idOf(item));
    if (!model) return [];
    const at = pointerTo('items', index);
    const found = keptAsSent(model.sent, item, at, capped('MUST', cap), [
      'id',
      'flowId',
      'defaultVersionId',
      'creationDate',
      'lastUpdated',
      'stats',
      'customNodeUseCount',
      'deletedInDevelop',
    ]);
    if ('flowId' in model && isRecord(item) && !sameId(item.flowId, model.flowId))
      found.push(
        difference(
          'roundTrip',
          capped('MUST', cap),
          `${at}/flowId`,
          `flowId ${String(item.flowId)}, imported with ${model.flowId}`,
          'docs/reference-decisions.md decision 11',
        ),
      );
    return found;
  });
}

/** Whether `a` before `b` breaks the order under every reading of decision 5 (names in either case). */
function strictlyMisordered(
  expected: ExpectedPage,
  a: ModelFlow | ModelVersion,
  b: ModelFlow | ModelVersion,
  nameOf: (item: ModelFlow | ModelVersion) => string,
): boolean {
  const sign = expected.sortDirection === 'desc' ? -1 : 1;
  const readings = (item: ModelFlow | ModelVersion): (string | number)[] => {
    if (expected.sortField === 'id') return [item.id];
    if (expected.sortField === 'creationDate') return [item.creationDate];
    if (expected.sortField === 'lastUpdated') return [item.lastUpdated];
    return [nameOf(item).toLowerCase(), nameOf(item)];
  };
  const [left, right] = [readings(a), readings(b)];
  return left.every((key, index) => key !== right[index] && (key < right[index] ? -1 : 1) * sign > 0);
}

function orderDifferences(
  expected: ExpectedPage,
  items: unknown[],
  known: ReadonlyMap<string, ModelFlow | ModelVersion>,
  nameOf: (item: ModelFlow | ModelVersion) => string,
  cap: Level,
): Difference[] {
  const answered = items.map(idOf);
  const wanted = expected.items.map((item) => item.id);
  if (answered.join() === wanted.join()) return [];
  const models = answered.map((id) => known.get(id));
  // Decision 4 counts pages from 0 (SHOULD); a server counting from 1 puts the page one window earlier.
  const firsts = [expected.page, Math.max(expected.page - 1, 0)].map((page) => page * expected.perPage);
  const first = firsts[0];
  for (const [index, model] of models.entries()) {
    if (!model) continue;
    const before = expected.sorted.filter((other) =>
      strictlyMisordered(expected, model, other, nameOf),
    ).length;
    const after = expected.sorted.filter((other) =>
      strictlyMisordered(expected, other, model, nameOf),
    ).length;
    const placed = (start: number) =>
      before <= start + index && after <= expected.sorted.length - 1 - (start + index);
    if (!firsts.some(placed))
      return [
        difference(
          'sortedBy',
          capped('MUST', cap),
          pointerTo('items', index),
          `${model.id} cannot be item ${first + index} of ${expected.sortField} ${expected.sortDirection} (${before} come before it, ${after} after)`,
          'flows-actions.md (sortField, sortDirection); docs/reference-decisions.md decision 4',
        ),
      ];
  }
  for (let index = 1; index < models.length; index += 1) {
    const [a, b] = [models[index - 1], models[index]];
    if (a && b && strictlyMisordered(expected, a, b, nameOf))
      return [
        difference(
          'sortedBy',
          capped('MUST', cap),
          pointerTo('items', index),
          `${a.id} before ${b.id} breaks ${expected.sortField} ${expected.sortDirection}`,
          'flows-actions.md (sortField, sortDirection)',
        ),
      ];
  }
  return [
    difference(
      'sortedBy',
      'SHOULD',
      '/items',
      `ids ${answered.join(',')}, expected ${wanted.join(',')}`,
      `${D4}, ${D5} (ties by id ascending)`,
    ),
  ];
}

function customNodeDifferences(
  expected: ExpectedPage,
  body: Record<string, unknown>,
  view: PageView,
): Difference[] {
  const listed = customNodeIds(body);
  const leak = customNodeLeak(listed, view.elsewhere);
  if (leak.length > 0) return leak;
  if (!expected.customNodes)
    return listed
      ? [
          difference(
            'customNodes',
            'SHOULD',
            '/customNodes',
            'customNodes without includeCustomNodes=true',
            D9,
          ),
        ]
      : [];
  if (!listed)
    return [
      difference('customNodes', 'SHOULD', '/customNodes', 'no customNodes for includeCustomNodes=true', D9),
    ];
  const wanted = expected.customNodes;
  const own = view.exact ? listed : listed.filter((id) => wanted.has(id));
  const same = own.length === wanted.size && own.every((id) => wanted.has(id));
  return same
    ? []
    : [
        difference(
          'customNodes',
          'SHOULD',
          '/customNodes',
          `customNodes ${listed.join(',')}, expected ${[...wanted].join(',')}`,
          D9,
        ),
      ];
}

/** A 200 collection against the page the model implies. */
export function judgePage(
  expected: ExpectedPage,
  body: unknown,
  view: PageView,
  known: ReadonlyMap<string, ModelFlow | ModelVersion>,
  nameOf: (item: ModelFlow | ModelVersion) => string,
): Difference[] {
  if (!isRecord(body) || !Array.isArray(body.items)) return [];
  const items = body.items;
  const found = [
    ...echoDifferences(expected, body, items, view.cap),
    ...contentDifferences(known, items, view.cap),
  ];
  const strange = items.map(idOf).find((id) => view.elsewhere.has(id));
  if (strange)
    found.push(
      difference(
        'noForeignData',
        'MUST',
        '/items',
        `${strange} of another application`,
        'docs/decisions.md Levels',
      ),
    );
  const matched = new Set(expected.sorted.map((item) => item.id));
  const wrong = items.map(idOf).find((id) => known.has(id) && !matched.has(id));
  if (wrong)
    found.push(
      difference(
        'itemSet',
        capped('MUST', view.cap),
        '/items',
        `${wrong} does not match the query`,
        'flows-actions.md (query parameters)',
      ),
    );
  if (view.exact) {
    const total = expected.sorted.length;
    if (body.totalCount !== total)
      found.push(
        difference(
          'pageWindow',
          capped('MUST', view.cap),
          '/totalCount',
          `totalCount ${String(body.totalCount)}, ${total} match`,
          ECHO,
        ),
      );
    const count = pageCount(total, expected.page, expected.perPage);
    if (items.length !== count)
      found.push(
        difference(
          'pageWindow',
          capped(expected.page === 0 ? 'MUST' : 'SHOULD', view.cap),
          '/items',
          `${items.length} items on page ${expected.page}, ${count} expected`,
          D4,
        ),
      );
    const missing = [...matched].find((id) => !items.some((item) => idOf(item) === id));
    if (missing && items.length === total && expected.page === 0)
      found.push(
        difference(
          'itemSet',
          capped('MUST', view.cap),
          '/items',
          `${missing} matches but is missing`,
          'flows-actions.md (query parameters)',
        ),
      );
    if (found.length === 0) found.push(...orderDifferences(expected, items, known, nameOf, view.cap));
  } else if (typeof body.totalCount === 'number') {
    const ownOnPage = items.filter((item) => matched.has(idOf(item))).length;
    const whole = expected.page === 0 && items.length === body.totalCount;
    const missing = whole ? [...matched].find((id) => !items.some((item) => idOf(item) === id)) : undefined;
    if (missing)
      found.push(
        difference(
          'itemSet',
          capped('MUST', view.cap),
          '/items',
          `${missing} matches but is missing from the whole list`,
          'flows-actions.md (query parameters)',
        ),
      );
    // Every flow the model knows to match exists, wherever the page is: totalCount counts at least them.
    if (body.totalCount < Math.max(ownOnPage, matched.size))
      found.push(
        difference(
          'pageWindow',
          body.totalCount < ownOnPage ? 'MUST' : capped('MUST', view.cap),
          '/totalCount',
          `totalCount ${body.totalCount} below the ${Math.max(ownOnPage, matched.size)} known matches`,
          ECHO,
        ),
      );
  }
  found.push(...customNodeDifferences(expected, body, view));
  return found;
}
