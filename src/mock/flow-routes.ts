import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ACTIONS,
  FLOW_DELETE_SCOPES,
  parameterDefault,
  type ActionId,
  type ActionSpec,
} from '../../specs/catalog';
import { describeViolation, validatorFor } from '../schemas/registry';
import {
  collectionBody,
  customNodesFor,
  effectiveFlowClass,
  flowSortKey,
  jsonList,
  pageOf,
  selectFlows,
  sortItems,
  versionSortKey,
} from './collection';
import { sendJson, type MockContext } from './context';
import { storedFlow, workflowDocument, type JsonObject } from './documents';
import { badRequest, notFound, validationError } from './errors';
import { accessOf, applicationGuard } from './guard';
import { isObjectId } from './ids';
import type { FaultSet } from './faults';
import { importBundle, importResultBody } from './import';
import { parseQuery, queryKey, rawQueryOf, type ParsedQuery } from './query';
import type { ApplicationState } from './store';

type ActionHandler = (
  context: MockContext,
  action: ActionSpec,
  request: FastifyRequest,
  reply: FastifyReply,
) => void;

/** A collection action: the body of one page, a pure function of the application and the query. */
type CollectionPage = (
  context: MockContext,
  action: ActionSpec,
  application: ApplicationState,
  query: ParsedQuery,
) => string;

const numberOf = (query: ParsedQuery, name: string): number => query.values.get(name) as number;
const stringOf = (query: ParsedQuery, name: string): string | undefined =>
  query.values.get(name) as string | undefined;
/** A parameter with a default: parseQuery has filled it in, the catalog's default types it so. */
const defaulted = (query: ParsedQuery, action: ActionSpec, name: string): string =>
  stringOf(query, name) ?? parameterDefault(action.id, name);

/** The collection fields every collection echoes (spec README, "API-wide conventions"). */
function collectionEcho(
  query: ParsedQuery,
  applicationId: string,
  count: number,
  totalCount: number,
  faults: FaultSet,
) {
  const echoed = !faults.on('no-query-echo');
  const filterEchoed = !faults.on('no-filter-echo');
  return {
    count,
    totalCount,
    perPage: echoed ? numberOf(query, 'perPage') : undefined,
    page: echoed ? numberOf(query, 'page') : undefined,
    sortField: echoed ? stringOf(query, 'sortField') : undefined,
    sortDirection: echoed ? stringOf(query, 'sortDirection') : undefined,
    filter: filterEchoed && query.given.has('filter') ? stringOf(query, 'filter') : undefined,
    filterField: filterEchoed && query.given.has('filterField') ? stringOf(query, 'filterField') : undefined,
    applicationId: filterEchoed ? applicationId : undefined,
    flowClass: filterEchoed ? effectiveFlowClass(query, faults) : undefined,
  };
}

/** includeCustomNodes=true asks for customNodes (decision 9); absent or false does not. */
const wantsCustomNodes = (query: ParsedQuery, faults: FaultSet): boolean =>
  !faults.on('custom-nodes-missing') &&
  (query.values.get('includeCustomNodes') === true ||
    (faults.on('custom-nodes-when-false') && query.given.has('includeCustomNodes')));

const getFlows: CollectionPage = ({ faults, store, dialect }, action, application, query) => {
  const sorted = sortItems(
    selectFlows(application, query, faults),
    flowSortKey(defaulted(query, action, 'sortField')),
    defaulted(query, action, 'sortDirection'),
    faults,
  );
  const page = pageOf(sorted, numberOf(query, 'page'), numberOf(query, 'perPage'), faults);
  const echo = collectionEcho(query, dialect.id(application.id), page.items.length, page.totalCount, faults);
  const referencing = faults.on('custom-nodes-from-all-matches') ? sorted : page.items;
  return collectionBody(
    dialect,
    echo,
    page.items,
    wantsCustomNodes(query, faults)
      ? customNodesFor(application, referencing, faults, () => store.allApplications())
      : undefined,
  );
};

const getFlowsByVersion: CollectionPage = ({ faults, store, dialect }, action, application, query) => {
  const flows = new Map(selectFlows(application, query, faults).map((flow) => [flow.id, flow]));
  const version = stringOf(query, 'version');
  // Decision 12: equal exactly, so case-sensitively.
  const sameVersion = faults.on('version-case-insensitive')
    ? (name: string) => name.toLowerCase() === version?.toLowerCase()
    : (name: string) => name === version;
  const matching = [...application.versions.values()].filter(
    (candidate) =>
      flows.has(candidate.flowId) && (sameVersion(candidate.version) || faults.on('version-filter-ignored')),
  );
  const sorted = sortItems(
    matching,
    versionSortKey(defaulted(query, action, 'sortField'), flows),
    defaulted(query, action, 'sortDirection'),
    faults,
  );
  const page = pageOf(sorted, numberOf(query, 'page'), numberOf(query, 'perPage'), faults);
  const customNodes = faults.on('custom-nodes-versions-empty')
    ? []
    : customNodesFor(application, page.items, faults, () => store.allApplications());
  return collectionBody(
    dialect,
    {
      ...collectionEcho(query, dialect.id(application.id), page.items.length, page.totalCount, faults),
      version,
    },
    page.items,
    wantsCustomNodes(query, faults) ? customNodes : undefined,
  );
};

/** The post-stale-dates fault: the reference's example date instead of now. */
const STALE_DATE = '2016-06-13T04:00:00.000Z';

const postFlow: ActionHandler = (context, action, request, reply) => {
  const { store, faults, dialect } = context;
  const { application } = accessOf(request);
  const query = parseQuery(action, rawQueryOf(request.raw.url), faults);
  const body = request.body;
  const content =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as JsonObject) : {};
  const now = faults.on('post-stale-dates') ? dialect.keptDate(STALE_DATE) : dialect.date(Date.now());
  const doc = workflowDocument(content, {
    id: store.freshId(),
    applicationId: dialect.id(application.id),
    creationDate: now,
    lastUpdated: now,
  });
  const stored = faults.on('drops-description') ? { ...doc, description: undefined } : doc;
  const created = storedFlow(stored, dialect.json);
  // The fault stores before it validates; the reference mock validates first.
  if (faults.on('post-400-still-stores') && typeof content.name === 'string')
    store.putFlow(application, created);
  if (!faults.on('post-skips-validation')) {
    const violations = validatorFor('workflowPost')(body);
    if (violations.length > 0) throw validationError(`Invalid flow: ${describeViolation(violations[0])}`);
  }
  if (!faults.on('post-400-still-stores')) store.putFlow(application, created);
  const answered = faults.on('post-id-as-number')
    ? { ...doc, id: Number.parseInt(String(doc.id).slice(-12), 16) }
    : doc;
  let json: string;
  // P3: includeCustomNodes on Post adds customNodes to the created Workflow, as Get does to its items.
  if (query.values.get('includeCustomNodes') === true && !faults.on('custom-nodes-missing')) {
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(answered)) fields[key] = dialect.json(value);
    fields.customNodes = jsonList(
      customNodesFor(application, [created], faults, () => store.allApplications()),
    );
    json = dialect.object(fields);
  } else json = dialect.json(answered);
  sendJson(reply, faults.on('post-returns-200') ? 200 : 201, json, dialect);
};

const importFlows: ActionHandler = (context, _action, request, reply) => {
  const { application } = accessOf(request);
  const outcome = importBundle(context, application, request.body);
  sendJson(reply, 201, importResultBody(outcome, context), context.dialect);
};

/**
 * Serves a collection page from the response cache, building it on a miss. The key is the parsed query
 * (unknown parameters and the order of parameters change nothing), so junk cannot make pages distinct.
 */
const cachedPage =
  (page: CollectionPage): ActionHandler =>
  (context, action, request, reply) => {
    const { application } = accessOf(request);
    const query = parseQuery(action, rawQueryOf(request.raw.url), context.faults);
    const key = `${action.id}?${queryKey(query)}`;
    const body =
      context.pages.get(application, key) ??
      context.pages.set(application, key, page(context, action, application, query));
    sendJson(reply, 200, body, context.dialect);
  };

const HANDLERS: Readonly<Record<ActionId, ActionHandler>> = {
  'flows.get': cachedPage(getFlows),
  'flows.getByVersion': cachedPage(getFlowsByVersion),
  'flows.post': postFlow,
  'flows.import': importFlows,
};

/** `/applications/{APPLICATION_ID}/flows` → `/applications/:applicationId/flows` */
export const routePath = (pathTemplate: string): string =>
  pathTemplate.replace('{APPLICATION_ID}', ':applicationId');

/** The four actions, routed and guarded from the catalog; plus the clean-up DELETE. */
export function registerFlowRoutes(app: FastifyInstance, context: MockContext): void {
  for (const action of ACTIONS) {
    const handler = HANDLERS[action.id];
    app.route({
      method: action.method,
      url: routePath(action.pathTemplate),
      onRequest: applicationGuard(context, action.acceptedScopes),
      handler: (request, reply) => {
        handler(context, action, request, reply);
      },
    });
  }
  app.delete('/applications/:applicationId/flows/:flowId', {
    onRequest: applicationGuard(context, FLOW_DELETE_SCOPES),
    handler: (request, reply) => {
      const { application } = accessOf(request);
      const { flowId } = request.params as { flowId: string };
      if (!isObjectId(flowId)) throw badRequest('flowId must be a 24-character hex id');
      if (!context.store.deleteFlow(application, flowId)) throw notFound('Flow was not found');
      sendJson(reply, 200, '{"success":true}', context.dialect);
    },
  });
}
