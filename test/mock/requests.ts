import request from 'supertest';
import { pathFor, type ActionSpec } from '../../specs/catalog';
import type { MockServer } from '../../src/mock';
import { readFixture } from './helpers';

/** A valid request of an action, derived from the catalog: required query examples, the example body. */
export function validRequest(mock: MockServer, action: ActionSpec, applicationId: string): request.Test {
  const query = action.query
    .filter((parameter) => parameter.required)
    .map((parameter) => parameter.example)
    .join('&');
  const url = pathFor(action, { APPLICATION_ID: applicationId }) + (query ? `?${query}` : '');
  if (action.method === 'GET') return request(mock.server).get(url);
  const body = action.requestBody ? readFixture('reference-examples', action.requestBody.exampleFixture) : {};
  return request(mock.server)
    .post(url)
    .send(body as object);
}
