import { parseJson } from '../http/transport';
import type { BodyCapture } from './capture';
import type { ExchangeRecord } from './har';
import { decodedSegment } from './routes';
import type { TrafficShadow } from './shadow';

/** A flow's own route, which changes or deletes it (`/applications/{id}/flows/{flowId}...`). */
const FLOW_ROUTE = /^\/applications\/([^/]+)\/flows\/([^/]+)(?:\/|$)/;
/** An application's token route: the token it mints is bound to that application. */
const TOKEN_ROUTE = /^\/applications\/([^/]+)\/tokens\/?$/;
/** One token's own route: a DELETE revokes it. */
const TOKEN_ID_ROUTE = /^\/applications\/[^/]+\/tokens\/([^/]+)\/?$/;

/**
 * What a 2xx answer of a route other than the four actions tells the shadow: a flow changed or deleted
 * by its own route, a token revoked, a token minted with its scopes (a POST whose answer holds it).
 */
export function learnFromRoute(
  shadow: TrafficShadow,
  method: string,
  path: string,
  response: ExchangeRecord['response'],
  requestBody: BodyCapture,
): void {
  if (!response || response.status < 200 || response.status >= 300) return;
  const flowRoute = FLOW_ROUTE.exec(path);
  if (flowRoute && method !== 'GET')
    shadow.forget(decodedSegment(flowRoute[1]), decodedSegment(flowRoute[2]));
  const tokenRoute = TOKEN_ID_ROUTE.exec(path);
  if (tokenRoute && method === 'DELETE') shadow.revoke(decodedSegment(tokenRoute[1]));
  // A body cut for the HAR is not the whole answer: nothing is learned from a part.
  if (
    method !== 'POST' ||
    requestBody.truncated ||
    !response.body ||
    response.body.length < response.bodyBytes
  )
    return;
  const sent = parseJson(requestBody.buffer.toString('utf8'));
  const answered = parseJson(response.body.toString('utf8'));
  const boundTo = TOKEN_ROUTE.exec(path)?.[1];
  if (sent.ok && answered.ok)
    shadow.learnToken(
      sent.value,
      answered.value,
      boundTo === undefined ? undefined : decodedSegment(boundTo),
    );
}
