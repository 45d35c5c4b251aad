import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ACTIONS,
  auxiliaryRoute,
  FLOW_DELETE_SCOPES,
  parameterDefault,
  routePattern,
  type ActionId,
  type ActionSpec,
} from '../../specs/catalog';
import { postProblem } from '../model/resource/post-body';
import {
  collectionBody,
  customNodesFor,
  effectiveFlowClass,
  jsonList,
  pageOf,
  type Page,
  selectFlows,
  selectSortedFlows,
  sortItems,
  versionSortKey,
} from './collection';
import { sendJson, type MockContext } from './context';
import type { CollectionEcho } from './dialect-types';
import { collectionEcho, versionMatches } from '../model/resource/collection';
import { storedFlow, workflowDocument, type BodyFields, type StoredFlow } from './documents';
import { badRequest, notFound, validationError } from './errors';
import { crashOnDeepConfig, refuseNameAtMaxLength, truncateAtEmoji } from './fuzz-faults';
import { accessOf, applicationGuard } from './guard';
import { isObjectId } from './ids';
import type { CustomNodesBehaviour, PostBehaviour, VersionBehaviour } from './behaviour';
import { importBundle, importResultBody } from './import';
import { parseQuery, parseQueryMemo, rawQueryOf, type ParsedQuery } from './query';
import type { ApplicationState } from './store';

type ActionHandler = (
  context: MockContext,
  action: ActionSpec,
  request: FastifyRequest,
  reply: FastifyReply,
) => void | Promise<void>;

/** A collection action: the body of one page, a function of the application and the query (built over turns). */
type CollectionPage = (
  context: MockContext,
  action: ActionSpec,
  application: ApplicationState,
  query: ParsedQuery,
) => Promise<string>;

const numberOf = (query: ParsedQuery, name: string): number => query.values.get(name) as number;
const stringOf = (query: ParsedQuery, name: string): string | undefined =>
  query.values.get(name) as string | undefined;
/** A parameter with a default: parseQuery has filled it in, the catalog's default types it so. */
const defaulted = (query: ParsedQuery, action: ActionSpec, name: string): string =>
  stringOf(query, name) ?? parameterDefault(action.id, name);

/** What the echo faults leave out of the model's echo. */
const QUERY_ECHO = ['perPage', 'page', 'sortField', 'sortDirection'];
const FILTER_ECHO = ['filter', 'filterField', 'applicationId', 'flowClass'];

/** The model's echo (spec README, "API-wide conventions") with count and totalCount, as the faults alter it. */
function echoOf(
  { behaviour, dialect }: MockContext,
  action: ActionSpec,
  query: ParsedQuery,
  applicationId: string,
  page: Page<unknown>,
): CollectionEcho {
  const echo = collectionEcho(action, query, dialect.id(applicationId));
  if (!behaviour.echo.echoesQuery) for (const key of QUERY_ECHO) delete echo[key];
  if (!behaviour.echo.echoesFilters) for (const key of FILTER_ECHO) delete echo[key];
  if (effectiveFlowClass(query, behaviour.selection) === undefined) delete echo.flowClass;
  return { count: page.items.length, totalCount: page.totalCount, ...echo } as CollectionEcho;
}

/** includeCustomNodes=true asks for customNodes (decision 9); absent or false does not. */
const wantsCustomNodes = (query: ParsedQuery, behaviour: CustomNodesBehaviour): boolean =>
  !behaviour.never &&
  (query.values.get('includeCustomNodes') === true ||
    (behaviour.alsoWhenFalse && query.given.has('includeCustomNodes')));

/** The custom-node flows that `items` reference, in the application (or beyond, if so behaving). */
const customNodesOf = (
  { behaviour, store }: MockContext,
  application: ApplicationState,
  items: readonly { readonly referencedFlowIds: readonly string[] }[],
): StoredFlow[] => customNodesFor(application, items, behaviour.customNodes, () => store.allApplications());

const getFlows: CollectionPage = async (context, action, application, query) => {
  const { behaviour, dialect } = context;
  const sorted = await selectSortedFlows(
    application,
    query,
    behaviour,
    defaulted(query, action, 'sortField'),
    defaulted(query, action, 'sortDirection'),
  );
  const page = pageOf(sorted, numberOf(query, 'page'), numberOf(query, 'perPage'), behaviour.paging);
  const referencing = behaviour.customNodes.fromAllMatches ? sorted : page.items;
  return collectionBody(
    dialect,
    echoOf(context, action, query, application.id, page),
    page.items,
    wantsCustomNodes(query, behaviour.customNodes)
      ? customNodesOf(context, application, referencing)
      : undefined,
  );
};

/** Decision 12 as the model reads it; the version faults ignore it or compare case-insensitively. */
const versionMatcher = (
  version: string | undefined,
  behaviour: VersionBehaviour,
): ((name: string) => boolean) =>
  behaviour.ignoresVersion
    ? () => true
    : versionMatches(version, { versionCaseInsensitive: behaviour.caseInsensitive });

const getFlowsByVersion: CollectionPage = async (context, action, application, query) => {
  const { behaviour, dialect } = context;
  const selected = await selectFlows(application, query, behaviour.selection);
  const flows = new Map(selected.map((flow) => [flow.id, flow]));
  const version = stringOf(query, 'version');
  const sameVersion = versionMatcher(version, behaviour.version);
  const matching = [...application.versions.values()].filter(
    (candidate) => flows.has(candidate.flowId) && sameVersion(candidate.version),
  );
  const sorted = sortItems(
    matching,
    versionSortKey(defaulted(query, action, 'sortField'), flows),
    defaulted(query, action, 'sortDirection'),
    behaviour.sort,
  );
  const page = pageOf(sorted, numberOf(query, 'page'), numberOf(query, 'perPage'), behaviour.paging);
  const customNodes = behaviour.customNodes.emptyForVersions
    ? []
    : customNodesOf(context, application, page.items);
  return collectionBody(
    dialect,
    echoOf(context, action, query, application.id, page),
    page.items,
    wantsCustomNodes(query, behaviour.customNodes) ? customNodes : undefined,
  );
};

/** The stale dates a Post stamps when so behaving: the reference's example date instead of now. */
const STALE_DATE = '2016-06-13T04:00:00.000Z';

/** The fields a Post body gives (none when the body is no object: validation refuses it). */
const postContent = (body: unknown): BodyFields =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as BodyFields) : {};

/** Decision 10: the new Workflow, its defaults filled in, stamped with a fresh id and now. */
function stampedWorkflow(
  { store, dialect, behaviour }: MockContext,
  application: ApplicationState,
  content: BodyFields,
): BodyFields {
  const now = behaviour.post.staleDates ? dialect.keptDate(STALE_DATE) : dialect.date(Date.now());
  return workflowDocument(content, {
    id: store.freshId(),
    applicationId: dialect.id(application.id),
    creationDate: now,
    lastUpdated: now,
  });
}

/** Decision 10: a body that the Workflow Post schema refuses is a 400. */
function validatePostBody(body: unknown, { skipsValidation, refusesNameAtMaxLength }: PostBehaviour): void {
  refuseNameAtMaxLength(refusesNameAtMaxLength, body);
  if (skipsValidation) return;
  const problem = postProblem(body);
  if (problem !== undefined) throw validationError(`Invalid flow: ${problem}`);
}

/** Validates the body and stores the flow: nothing stored for a refused body (unless so behaving). */
function storePostedFlow(
  { store, behaviour }: MockContext,
  application: ApplicationState,
  body: unknown,
  flow: StoredFlow,
): void {
  // Storing before validating is the deliberate bug; the reference mock validates first.
  if (behaviour.post.storesBeforeValidating && typeof postContent(body).name === 'string')
    store.putFlow(application, flow);
  validatePostBody(body, behaviour.post);
  if (!behaviour.post.storesBeforeValidating) store.putFlow(application, flow);
}

/** The Workflow as answered; with a number for an id when so behaving. */
const answeredWorkflow = (doc: BodyFields, { idAsNumber }: PostBehaviour): BodyFields =>
  idAsNumber ? { ...doc, id: Number.parseInt(String(doc.id).slice(-12), 16) } : doc;

/** P3: includeCustomNodes on Post adds customNodes to the created Workflow, as Get does to its items. */
function postAnswerJson(
  context: MockContext,
  application: ApplicationState,
  query: ParsedQuery,
  answered: BodyFields,
  created: StoredFlow,
): string {
  const { dialect, behaviour } = context;
  if (query.values.get('includeCustomNodes') !== true || behaviour.customNodes.never)
    return dialect.json(answered);
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(answered)) fields[key] = dialect.json(value);
  fields.customNodes = jsonList(customNodesOf(context, application, [created]));
  return dialect.object(fields);
}

const postFlow: ActionHandler = (context, action, request, reply) => {
  const { behaviour, dialect } = context;
  const { application } = accessOf(request);
  const query = parseQuery(action, rawQueryOf(request.raw.url), behaviour.query);
  const content = postContent(request.body);
  crashOnDeepConfig(behaviour.post.deepConfigCrashes, content);
  const doc = truncateAtEmoji(
    behaviour.post.truncatesDescriptionAtEmoji,
    stampedWorkflow(context, application, content),
  );
  const created = storedFlow(
    behaviour.post.dropsDescription ? { ...doc, description: undefined } : doc,
    dialect.json,
  );
  storePostedFlow(context, application, request.body, created);
  const json = postAnswerJson(context, application, query, answeredWorkflow(doc, behaviour.post), created);
  sendJson(reply, behaviour.post.status, json, dialect);
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
  async (context, action, request, reply) => {
    const { application } = accessOf(request);
    const { query, key: queryText } = parseQueryMemo(
      action,
      rawQueryOf(request.raw.url),
      context.behaviour.query,
    );
    const key = `${action.id}?${queryText}`;
    const cached = context.pages.get(application, key);
    // The page may be built over several turns: it is kept for the generation it was built from.
    const generation = application.generation;
    const body =
      cached ??
      context.pages.set(application, key, await page(context, action, application, query), generation);
    sendJson(reply, 200, body, context.dialect);
  };

const HANDLERS: Readonly<Record<ActionId, ActionHandler>> = {
  'flows.get': cachedPage(getFlows),
  'flows.getByVersion': cachedPage(getFlowsByVersion),
  'flows.post': postFlow,
  'flows.import': importFlows,
};

/** The four actions, routed and guarded from the catalog; plus the clean-up DELETE. */
export function registerFlowRoutes(app: FastifyInstance, context: MockContext): void {
  for (const action of ACTIONS) {
    const handler = HANDLERS[action.id];
    app.route({
      method: action.method,
      url: routePattern(action),
      onRequest: applicationGuard(context, action.acceptedScopes),
      handler: async (request, reply) => {
        await handler(context, action, request, reply);
      },
    });
  }
  const flowDelete = auxiliaryRoute('flow.delete');
  app.route({
    method: flowDelete.method,
    url: routePattern(flowDelete),
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
