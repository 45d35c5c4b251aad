import { actionById, pathFor } from '../../specs/catalog';
import { bearer, JSON_HEADERS, type Transport } from '../http/transport';

/**
 * `DELETE /applications/{id}/flows/{flowId}`: the Flow resource's delete, outside the four Flows
 * actions, with which the runner and the verifier remove what they created (best effort).
 */
export async function removeFlow(
  transport: Transport,
  applicationId: string,
  token: string,
  flowId: string,
): Promise<void> {
  await transport.send({
    method: 'DELETE',
    path: `${pathFor(actionById('flows.get'), applicationId)}/${encodeURIComponent(flowId)}`,
    headers: { accept: JSON_HEADERS.accept, ...bearer(token) },
  });
}
