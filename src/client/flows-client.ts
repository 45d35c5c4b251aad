import { actionById, pathFor, type ActionId } from '../../specs/catalog';
import { FlowsApiError } from './errors';
import { serializeQuery, type FlowsQuery, type FlowVersionsQuery, type PostQuery } from './query';
import type {
  ErrorBody,
  Workflow,
  WorkflowImport,
  WorkflowImportResult,
  WorkflowPost,
  Workflows,
  WorkflowVersions,
} from './types';

export interface FlowsClientOptions {
  /** API root, e.g. `https://api.losant.com` (a path prefix is kept). */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`; never logged. */
  readonly token: string;
  readonly fetch?: typeof fetch;
}

/** A small typed client of the four Flows actions; each refusal throws a FlowsApiError. */
export class FlowsClient {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: FlowsClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Get: the flows of an application. */
  get(applicationId: string, query?: FlowsQuery): Promise<Workflows> {
    return this.send<Workflows>('flows.get', applicationId, query);
  }

  /** Get by Version: the flow versions named `query.version`. */
  getByVersion(applicationId: string, query: FlowVersionsQuery): Promise<WorkflowVersions> {
    return this.send<WorkflowVersions>('flows.getByVersion', applicationId, query);
  }

  /** Import: a bundle of flows and versions, created under fresh ids. */
  import(applicationId: string, bundle: WorkflowImport): Promise<WorkflowImportResult> {
    return this.send<WorkflowImportResult>('flows.import', applicationId, undefined, bundle);
  }

  /** Post: a new flow. */
  post(applicationId: string, flow: WorkflowPost, query?: PostQuery): Promise<Workflow> {
    return this.send<Workflow>('flows.post', applicationId, query, flow);
  }

  private async send<T>(
    actionId: ActionId,
    applicationId: string,
    query?: object,
    body?: unknown,
  ): Promise<T> {
    const action = actionById(actionId);
    const path = pathFor(action, { APPLICATION_ID: applicationId }) + serializeQuery(query);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${this.token}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await this.fetchImpl(this.baseUrl + path, {
      method: action.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok)
      throw new FlowsApiError(response.status, parsed as ErrorBody | undefined, action.method, path);
    if (parsed === undefined) throw new FlowsApiError(response.status, undefined, action.method, path);
    return parsed as T;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
