import SwaggerParser from '@apidevtools/swagger-parser';
import { expect } from 'chai';
import Fastify from 'fastify';
import {
  ACTIONS,
  APPLICATION_ID,
  FLOW_ID,
  actionAt,
  actionById,
  pathFor,
  pathRow,
  referenceRows,
  routePattern,
  statusRow,
  type ActionId,
  type ActionSpec,
} from '../../specs/catalog';
import { badRequestOf } from '../../specs/cases/generated';
import { buildOpenApiDocument } from '../../src/openapi';
import { actionOf } from '../../src/pact/pact-file';
import fc from 'fast-check';
import { FLOW_CLASSES } from '../../specs/catalog';
import { stepSpecOf } from '../../src/explore/draws';
import { fuzzProperties, type PropertyContext } from '../../src/fuzz/properties';
import { emptySeed, poolsOf } from '../../src/fuzz/seed-data';
import type { Transport } from '../../src/http/transport';

/**
 * The catalog is general: an item read, `GET /applications/{APPLICATION_ID}/flows/{FLOW_ID}` (Losant's
 * Flow Get), added to a copy of the action list, gets its path, route, coverage rows, 400 case and
 * OpenAPI operation from the derived pieces with no change to them.
 */
const FLOW_GET: ActionSpec = {
  id: 'flow.get' as ActionId,
  name: 'Get',
  summary: 'Retrieves information on a flow',
  kind: 'itemRead',
  method: 'GET',
  pathTemplate: '/applications/{APPLICATION_ID}/flows/{FLOW_ID}',
  pathParameters: [APPLICATION_ID, FLOW_ID],
  referenceAnchor: 'flowGet',
  acceptedScopes: ['all.Application', 'all.Application.read', 'flow.*', 'flow.get'],
  query: actionById('flows.get').query.filter((parameter) => parameter.name === 'includeCustomNodes'),
  responses: [
    { status: 200, schema: 'workflow', description: 'Flow information' },
    { status: 400, schema: 'error', description: 'Error if malformed request' },
    { status: 404, schema: 'error', description: 'Error if flow was not found' },
  ],
  badRequest: { by: 'path', parameter: 'FLOW_ID', value: 'not-a-flow-id' },
  decisions: ['authFailures', 'unknownApplication'],
};
const WITH_FIFTH: readonly ActionSpec[] = [...ACTIONS, FLOW_GET];
const APP = APPLICATION_ID.example;
const FLOW = FLOW_ID.example;

describe('catalog: a fifth action, an item read, needs nothing but its entry', () => {
  it('pathFor fills both parameters and refuses the flow id missing', () => {
    expect(pathFor(FLOW_GET, { APPLICATION_ID: APP, FLOW_ID: FLOW })).to.equal(
      `/applications/${APP}/flows/${FLOW}`,
    );
    expect(() => pathFor(FLOW_GET, { APPLICATION_ID: APP })).to.throw('no value for path parameter FLOW_ID');
  });

  it('routed beside the four, a router tells it from Get by Version (the static segment wins)', async () => {
    const app = Fastify();
    for (const action of WITH_FIFTH)
      app.route({
        method: action.method,
        url: routePattern(action),
        handler: async (request) => ({ action: action.id, params: request.params }),
      });
    try {
      const item = await app.inject({ method: 'GET', url: `/applications/${APP}/flows/${FLOW}` });
      expect(item.json()).to.deep.equal({
        action: 'flow.get',
        params: { applicationId: APP, flowId: FLOW },
      });
      const versions = await app.inject({ method: 'GET', url: `/applications/${APP}/flows/version` });
      expect(versions.json()).to.include({ action: 'flows.getByVersion' });
    } finally {
      await app.close();
    }
    const interaction = (path: string) => ({
      description: '',
      request: { method: 'GET', path },
      response: { status: 200 },
    });
    expect(actionOf(interaction(`/applications/${APP}/flows/${FLOW}`), WITH_FIFTH)?.id).to.equal('flow.get');
    expect(actionAt('GET', `/applications/${APP}/flows/version`, WITH_FIFTH)?.id).to.equal(
      'flows.getByVersion',
    );
  });

  it('its coverage rows include its path components, and its 400 case provokes and covers FLOW_ID', () => {
    const rows = referenceRows(FLOW_GET).map((row) => row.id);
    expect(rows).to.include.members([
      'flow.get path APPLICATION_ID',
      'flow.get path FLOW_ID',
      'flow.get query includeCustomNodes',
      'flow.get status 400',
    ]);
    const badRequest = badRequestOf(FLOW_GET, { path: { FLOW_ID: '{id:alpha}' } });
    expect(badRequest.fact).to.equal('a malformed FLOW_ID gets 400');
    expect(badRequest.request.path).to.deep.equal({ FLOW_ID: 'not-a-flow-id' });
    expect(badRequest.covers).to.deep.equal([pathRow(FLOW_GET, 'FLOW_ID')]);
    expect(rows).to.include(statusRow(FLOW_GET, 400));
  });

  it('the OpenAPI export gains its operation, with both path parameters, and still validates', async () => {
    const document = buildOpenApiDocument(WITH_FIFTH);
    const operation = document.paths[FLOW_GET.pathTemplate]?.get as {
      operationId: string;
      parameters: { name: string; in: string; schema: unknown }[];
      responses: Record<string, unknown>;
    };
    expect(operation.operationId).to.equal('flowGet');
    expect(operation.parameters.filter((parameter) => parameter.in === 'path')).to.deep.equal(
      [APPLICATION_ID, FLOW_ID].map((parameter) => ({
        name: parameter.name,
        in: 'path',
        required: true,
        description: parameter.description,
        schema: { type: 'string', pattern: parameter.pattern },
        example: parameter.example,
      })),
    );
    expect(Object.keys(operation.responses)).to.include.members(['200', '400', '401', '403', '404']);
    expect(Object.keys(buildOpenApiDocument().paths)).to.not.include(FLOW_GET.pathTemplate);
    await SwaggerParser.validate(structuredClone(document) as never);
  });
});

/** What fuzz's properties are built from; building them sends nothing. */
const PROPERTY_CONTEXT: PropertyContext = {
  wire: { transport: { baseUrl: 'http://127.0.0.1:1' } as Transport, token: 't', applicationId: APP },
  seedPrefix: 'fc-seed-',
  seed: emptySeed(),
  pools: poolsOf(emptySeed()),
  namespace: (tag) => `fc-${tag}-`,
  flowClasses: FLOW_CLASSES,
  seenIds: new Set(),
};

/** A collection read of a kind fuzz and explore know: a search over the application's flows. */
const FLOW_SEARCH: ActionSpec = {
  ...actionById('flows.get'),
  id: 'flows.search' as ActionId,
  name: 'Search',
  pathTemplate: '/applications/{APPLICATION_ID}/flows/search',
  referenceAnchor: 'search',
};

describe('catalog: fuzz and explore iterate the catalog’s actions by kind', () => {
  it('fuzz has properties for each of the four actions, and explore draws each of them', () => {
    const fuzzed = new Set(fuzzProperties(PROPERTY_CONTEXT).map((property) => property.action));
    expect([...fuzzed]).to.have.members(ACTIONS.map((action) => action.id));
    const drawn = new Set(fc.sample(stepSpecOf(), { seed: 1, numRuns: 300 }).map((step) => step.action));
    expect([...drawn]).to.have.members(ACTIONS.map((action) => action.id));
  });

  it('a fifth action of a known kind is fuzzed and explored with no change to either', () => {
    const fuzzed = fuzzProperties(PROPERTY_CONTEXT, [...ACTIONS, FLOW_SEARCH]).filter(
      (property) => property.action === FLOW_SEARCH.id,
    );
    expect(fuzzed.map((property) => property.id)).to.include(
      'GET flows/search: fuzz: totalCount is the same on every page',
    );
    const drawn = fc.sample(stepSpecOf([...ACTIONS, FLOW_SEARCH]), { seed: 1, numRuns: 300 });
    expect(drawn.some((step) => step.action === FLOW_SEARCH.id)).to.equal(true);
  });

  it('a fifth action of a kind they cannot draw fails loudly, naming it, never left out in silence', () => {
    expect(() => fuzzProperties(PROPERTY_CONTEXT, WITH_FIFTH)).to.throw(
      'fuzz has no properties for flow.get (kind itemRead): add them in src/fuzz/properties.ts',
    );
    expect(() => stepSpecOf(WITH_FIFTH)).to.throw(
      'explore has no steps for flow.get (kind itemRead): add them in src/explore/draws.ts',
    );
  });
});
