import type { ActionId } from '../../specs/catalog';
import type {
  FlowsClient,
  FlowsQuery,
  FlowVersionsQuery,
  PostQuery,
  WorkflowImport,
  WorkflowPost,
} from '../client';
import type { PactCase } from './interactions';
import { typedQuery } from '../model/query-codec';

type Call = (
  client: FlowsClient,
  applicationId: string,
  query: Record<string, unknown>,
  body: unknown,
) => Promise<unknown>;

/** How each action is driven through the typed client (the casts are where catalog data meets types). */
const CALLS: Readonly<Record<ActionId, Call>> = {
  'flows.get': (client, applicationId, query) => client.get(applicationId, query as FlowsQuery),
  'flows.getByVersion': (client, applicationId, query) =>
    client.getByVersion(applicationId, query as unknown as FlowVersionsQuery),
  'flows.import': (client, applicationId, _query, body) =>
    client.import(applicationId, body as WorkflowImport),
  'flows.post': (client, applicationId, query, body) =>
    client.post(applicationId, body as WorkflowPost, query as PostQuery),
};

export const callThroughClient = (client: FlowsClient, pactCase: PactCase): Promise<unknown> =>
  CALLS[pactCase.action.id](
    client,
    pactCase.applicationId,
    typedQuery(pactCase.action, pactCase.query),
    pactCase.requestBody,
  );
