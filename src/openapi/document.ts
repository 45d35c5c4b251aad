import {
  ACTIONS,
  DECISIONS,
  SCHEMA_REFERENCE_ANCHORS,
  type ActionSpec,
  type DecisionKey,
  type ResponseSpec,
  type SchemaName,
} from '../../specs/catalog';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths';
import { errorExample, referenceExample, schemaExample } from '../pact/examples';
import { componentSchemas, schemaRef } from './components';
import { pathParameter, queryParameter } from './parameters';

/**
 * The OpenAPI 3.1 description of the Flows resource, derived from the catalog and the schema files:
 * nothing in it is written here by hand except what OpenAPI itself asks for (the server, the security
 * scheme's name) and the statuses the decisions add to the reference's tables.
 */

const packageVersion = (): string =>
  String(
    (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: unknown })
      .version,
  );

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

/** The API root of flows-actions.md. */
export const LOSANT_API_ROOT = 'https://api.losant.com';
export const SECURITY_SCHEME = 'bearerToken';
const JSON_MEDIA_TYPE = 'application/json';

/**
 * Statuses the reference's tables do not list but a decision the action names gives it, each with an
 * Error body: decision 1's auth failures, P2's body limits.
 */
const DECISION_RESPONSES: Partial<Record<DecisionKey, readonly ResponseSpec[]>> = {
  authFailures: [
    { status: 401, schema: 'error', description: 'No, malformed, unknown, revoked or expired token' },
    {
      status: 403,
      schema: 'error',
      description: 'The token holds none of the accepted scopes, or another application',
    },
  ],
  bodyLimits: [
    { status: 413, schema: 'error', description: 'Request body larger than 1 MiB' },
    { status: 415, schema: 'error', description: 'Request body that is not application/json' },
  ],
};

const operationId = (action: ActionSpec): string =>
  action.id.replace(/\.(\w)/g, (_, letter: string) => letter.toUpperCase());

const decisionNote = (key: DecisionKey): string => {
  const decision = DECISIONS[key];
  return `${decision.id} (${decision.title}, ${decision.source})`;
};

function responseExample(response: ResponseSpec): unknown {
  return response.schema === 'error' ? errorExample(response.status) : schemaExample(response.schema);
}

function responseObject(response: ResponseSpec, decision?: DecisionKey): Record<string, unknown> {
  return {
    description: response.description,
    ...(response.status === 401
      ? {
          headers: {
            'WWW-Authenticate': {
              description: 'A Bearer challenge (RFC 6750 §3)',
              schema: { type: 'string' },
            },
          },
        }
      : {}),
    content: {
      [JSON_MEDIA_TYPE]: {
        schema: schemaRef(response.schema),
        examples: { reference: { value: responseExample(response) } },
      },
    },
    ...(decision ? { 'x-decision': decisionNote(decision) } : {}),
  };
}

/** The reference's responses, then those the action's decisions add, by status. */
function responses(action: ActionSpec): Record<string, unknown> {
  const entries: [number, Record<string, unknown>][] = action.responses.map((response) => [
    response.status,
    responseObject(response),
  ]);
  for (const decision of action.decisions)
    for (const response of DECISION_RESPONSES[decision] ?? [])
      if (!entries.some(([status]) => status === response.status))
        entries.push([response.status, responseObject(response, decision)]);
  entries.sort(([a], [b]) => a - b);
  return Object.fromEntries(entries.map(([status, object]) => [String(status), object]));
}

function operation(action: ActionSpec): Record<string, unknown> {
  return {
    operationId: operationId(action),
    summary: action.summary,
    description: `${action.name}: flows-actions.md#${action.referenceAnchor}. Decisions: ${action.decisions
      .map(decisionNote)
      .join('; ')}.`,
    tags: ['Flows'],
    security: [{ [SECURITY_SCHEME]: [...action.acceptedScopes] }],
    parameters: [...action.pathParameters.map(pathParameter), ...action.query.map(queryParameter)],
    ...(action.requestBody
      ? {
          requestBody: {
            required: true,
            content: {
              [JSON_MEDIA_TYPE]: {
                schema: schemaRef(action.requestBody.schema),
                examples: { reference: { value: referenceExample(action.requestBody.exampleFixture) } },
              },
            },
          },
        }
      : {}),
    responses: responses(action),
    'x-action-id': action.id,
  };
}

/** The schemas the operations name: bodies, responses and schema-typed query values. */
function rootSchemas(actions: readonly ActionSpec[]): SchemaName[] {
  const names = new Set<SchemaName>();
  for (const action of actions) {
    if (action.requestBody) names.add(action.requestBody.schema);
    for (const response of action.responses) names.add(response.schema);
    for (const parameter of action.query)
      if (parameter.value.kind === 'triggerFilter') names.add(parameter.value.schema);
  }
  return [...names];
}

function componentsWithReferences(actions: readonly ActionSpec[]): Record<string, unknown> {
  const schemas = componentSchemas(rootSchemas(actions));
  for (const [name, schema] of Object.entries(schemas)) {
    const anchor = SCHEMA_REFERENCE_ANCHORS[name as SchemaName];
    if (anchor) schema['x-reference'] = anchor;
  }
  return schemas;
}

/** The document of the catalog's actions (or of other ones, to show the export follows the catalog). */
export function buildOpenApiDocument(actions: readonly ActionSpec[] = ACTIONS): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const action of actions)
    (paths[action.pathTemplate] ??= {})[action.method.toLowerCase()] = operation(action);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Losant Flows API',
      version: packageVersion(),
      summary: 'The Flows resource of the Losant REST API, as losant-flows-conformance specifies it',
      description:
        'Derived from the endpoint catalog (specs/catalog) and the JSON Schemas (specs/schemas) of losant-flows-conformance. The reference is flows-actions.md and schemas.md; x-decision and x-reference name where a rule is stated.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: LOSANT_API_ROOT }],
    tags: [{ name: 'Flows', description: 'The Flows resource of an application' }],
    paths,
    components: {
      schemas: componentsWithReferences(actions),
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Authorization: Bearer <token>. Each operation lists the scopes it accepts; a token needs at least one of them.',
        },
      },
    },
  };
}
