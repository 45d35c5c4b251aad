import { auxiliaryRoute, pathFor } from '../../specs/catalog';
import { bearer, JSON_HEADERS, type HttpResponse, type Transport } from '../http/transport';

const FLOW_DELETE = auxiliaryRoute('flow.delete');

/**
 * The Flow resource's delete, outside the four Flows actions (specs/catalog/auxiliary-routes.ts), with
 * which the runner and the verifier remove what they created (best effort).
 */
export async function removeFlow(
  transport: Transport,
  applicationId: string,
  token: string,
  flowId: string,
): Promise<HttpResponse> {
  return transport.send({
    method: FLOW_DELETE.method,
    path: pathFor(FLOW_DELETE, { APPLICATION_ID: applicationId, FLOW_ID: flowId }),
    headers: { accept: JSON_HEADERS.accept, ...bearer(token) },
  });
}
