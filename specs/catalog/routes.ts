/**
 * Routes: a method, a path template (`/applications/{APPLICATION_ID}/flows`, relative to the API root)
 * and the path parameters its `{NAME}` components stand for. The Flows actions (actions.ts) and the
 * auxiliary routes the runner relies on (auxiliary-routes.ts) are both routes; every path sent, routed
 * or exported is derived from them here.
 */

/** A 24-hex id, as every Losant id is (spec README decision 2 calls such an id well-formed). */
export const OBJECT_ID_PATTERN = '^[A-Fa-f\\d]{24}$';

export interface PathParameter {
  /** As the reference writes it in the template and the "Request Path Components" table. */
  readonly name: string;
  readonly description: string;
  /** What a well-formed value matches (a malformed one is the server's 400 or 404, decision 2). */
  readonly pattern: string;
  readonly example: string;
}

export interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly pathTemplate: string;
  /** One entry per `{NAME}` of the template, in its order (test/catalog/routes.test.ts holds them equal). */
  readonly pathParameters: readonly PathParameter[];
}

/** Values of the path parameters, by their reference name (`{ APPLICATION_ID: '575e…' }`). */
export type PathValues = Readonly<Record<string, string>>;

export const APPLICATION_ID_EXAMPLE = '575ec8687ae143cd83dc4a97';

export const APPLICATION_ID: PathParameter = {
  name: 'APPLICATION_ID',
  description: 'ID associated with the application',
  pattern: OBJECT_ID_PATTERN,
  example: APPLICATION_ID_EXAMPLE,
};

/** The Flow resource's path component (outside flows-actions.md; Losant's Flow actions write it so). */
export const FLOW_ID: PathParameter = {
  name: 'FLOW_ID',
  description: 'ID associated with the flow',
  pattern: OBJECT_ID_PATTERN,
  example: '575ed18f7ae143cd83dc4aa6',
};

/** The Application API Token resource's path component (spec README, API-wide conventions). */
export const API_TOKEN_ID: PathParameter = {
  name: 'API_TOKEN_ID',
  description: 'ID associated with the API token',
  pattern: OBJECT_ID_PATTERN,
  example: '575ec7417ae143cd83dc4a96',
};

const PLACEHOLDER = /\{([A-Za-z_]+)\}/g;

/** The names of a template's `{NAME}` components, in order. */
export const templateNames = (pathTemplate: string): string[] =>
  [...pathTemplate.matchAll(PLACEHOLDER)].map((match) => match[1]);

/**
 * `APPLICATION_ID` → `applicationId`: the name a route's parameter and a pact provider state's
 * parameter carry (camel case, as the mock and the state handlers read them).
 */
export const parameterKey = (name: string): string =>
  name.toLowerCase().replace(/_([a-z\d])/g, (_, letter: string) => letter.toUpperCase());

const fill = (route: RouteSpec, value: (name: string) => string): string =>
  route.pathTemplate.replace(PLACEHOLDER, (_, name: string) => value(name));

/**
 * The path of a route with its parameters filled in, each percent-encoded. A value is not checked
 * against its pattern: cases send malformed ids on purpose. A missing value is a programming error.
 */
export const pathFor = (route: RouteSpec, values: PathValues): string =>
  fill(route, (name) => {
    const value = values[name];
    if (typeof value !== 'string')
      throw new Error(`${route.method} ${route.pathTemplate}: no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });

/** The fastify (and express) form: `/applications/:applicationId/flows`. */
export const routePattern = (route: RouteSpec): string => fill(route, (name) => `:${parameterKey(name)}`);

/**
 * The pact form, filled from provider-state parameters (`/applications/${applicationId}/flows`), save
 * the parameters given literally (a malformed id the interaction sends on purpose).
 */
export const providerStateTemplate = (route: RouteSpec, literal: PathValues = {}): string =>
  fill(route, (name) =>
    literal[name] === undefined ? `\${${parameterKey(name)}}` : encodeURIComponent(literal[name]),
  );

/** Path values from values keyed as routes and provider states key them (`{ applicationId }`). */
export const pathValuesByKey = (
  route: RouteSpec,
  byKey: Readonly<Record<string, unknown>>,
): Record<string, string> =>
  Object.fromEntries(
    route.pathParameters.flatMap((parameter) => {
      const value = byKey[parameterKey(parameter.name)];
      return typeof value === 'string' ? [[parameter.name, value]] : [];
    }),
  );

/** The reference's examples of every path parameter (the path the reference's own examples use). */
export const examplePathValues = (route: RouteSpec): Record<string, string> =>
  Object.fromEntries(route.pathParameters.map((parameter) => [parameter.name, parameter.example]));

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A percent-decoded segment; one that is not valid percent-encoding is kept as sent. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path values of a concrete path (`/applications/575e…/flows`) if it is one of the route's. */
export function matchPath(route: RouteSpec, path: string): Record<string, string> | undefined {
  const names = templateNames(route.pathTemplate);
  const source = route.pathTemplate
    .split(PLACEHOLDER)
    .map((part, index) => (index % 2 === 1 ? '([^/]+)' : escapeRegExp(part)))
    .join('');
  const match = new RegExp(`^${source}$`).exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, index) => [name, decoded(match[index + 1])]));
}

/** `GET flows`, `POST flows/import`: a route under its application, the prefix of every case id of it. */
export const caseLabel = (route: RouteSpec): string =>
  `${route.method} ${route.pathTemplate.replace('/applications/{APPLICATION_ID}/', '')}`;

/** `POST /auth/user`: a route as messages name it. */
export const routeLabel = (route: RouteSpec): string => `${route.method} ${route.pathTemplate}`;

/**
 * The route a request is for, by method and path (no query); where two templates fit (`flows/version`
 * and `flows/{FLOW_ID}`), the one with fewer parameters, as a router prefers the static segment.
 */
export function routeAt<T extends RouteSpec>(
  routes: readonly T[],
  method: string,
  path: string,
): T | undefined {
  return routes
    .filter((route) => route.method === method && matchPath(route, path))
    .sort((a, b) => a.pathParameters.length - b.pathParameters.length)[0];
}
