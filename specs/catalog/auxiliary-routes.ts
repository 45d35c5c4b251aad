import { REFERENCE_DECISIONS_DOC } from './decisions';
import { API_TOKEN_ID, APPLICATION_ID, FLOW_ID, type RouteSpec } from './routes';

/**
 * The routes the runner relies on beside the four Flows actions: getting credentials and cleaning up.
 * None lies in flows-actions.md, so no case checks them and the coverage table has no row of theirs;
 * the runner (src/target, src/engine) sends them and the mock (src/mock) answers them, both from here.
 */
export type AuxiliaryRouteId =
  'auth.user' | 'applicationTokens.post' | 'applicationToken.delete' | 'flow.delete' | 'mockOnly.tokens';

export interface AuxiliaryRoute extends RouteSpec {
  readonly id: AuxiliaryRouteId;
  /** What the runner does with it. */
  readonly purpose: string;
  /** Always: these routes lie outside the Flows reference, and nothing checks them. */
  readonly outsideReference: true;
  /** Where the route is described instead. */
  readonly describedIn: string;
  /** Only this project's mock answers it; a real server has no such route. */
  readonly mockOnly?: true;
}

export const AUXILIARY_ROUTES: readonly AuxiliaryRoute[] = [
  {
    id: 'auth.user',
    method: 'POST',
    pathTemplate: '/auth/user',
    pathParameters: [],
    purpose: 'log in with an email and a password: a user token (all.User)',
    outsideReference: true,
    describedIn: `${REFERENCE_DECISIONS_DOC}, API-wide conventions`,
  },
  {
    id: 'applicationTokens.post',
    method: 'POST',
    pathTemplate: '/applications/{APPLICATION_ID}/tokens',
    pathParameters: [APPLICATION_ID],
    purpose: 'mint an application API token of one scope (plain, to revoke, or expired)',
    outsideReference: true,
    describedIn: `${REFERENCE_DECISIONS_DOC}, API-wide conventions`,
  },
  {
    id: 'applicationToken.delete',
    method: 'DELETE',
    pathTemplate: '/applications/{APPLICATION_ID}/tokens/{API_TOKEN_ID}',
    pathParameters: [APPLICATION_ID, API_TOKEN_ID],
    purpose: 'revoke a minted token (the revoked-token cases, and clean-up)',
    outsideReference: true,
    describedIn: `${REFERENCE_DECISIONS_DOC}, API-wide conventions`,
  },
  {
    id: 'flow.delete',
    method: 'DELETE',
    pathTemplate: '/applications/{APPLICATION_ID}/flows/{FLOW_ID}',
    pathParameters: [APPLICATION_ID, FLOW_ID],
    purpose: 'remove the flows a run or a verification created (best effort)',
    outsideReference: true,
    describedIn: "Losant's Flow resource (flow.md), outside the reference of specs/reference",
  },
  {
    id: 'mockOnly.tokens',
    method: 'POST',
    pathTemplate: '/mock-only/tokens',
    pathParameters: [],
    purpose: 'a token of any scope, all.Organization included (--mock-only-tokens)',
    outsideReference: true,
    describedIn: 'docs/mock.md',
    mockOnly: true,
  },
];

export function auxiliaryRoute(id: AuxiliaryRouteId): AuxiliaryRoute {
  const route = AUXILIARY_ROUTES.find((candidate) => candidate.id === id);
  if (!route) throw new Error(`unknown auxiliary route ${id}`);
  return route;
}

/** The reference mock's token route, as the README and `mock --help` name it. */
export const MOCK_ONLY_TOKEN_ROUTE = auxiliaryRoute('mockOnly.tokens').pathTemplate;
