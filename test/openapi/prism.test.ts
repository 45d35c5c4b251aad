import { expect } from 'chai';
import { ACTIONS, examplePathValues, pathFor, successResponse } from '../../specs/catalog';
import { referenceExample } from '../../src/pact/examples';
import { startPrism, type PrismProcess } from './prism-process';

describe('openapi: Prism mocks the export', () => {
  let prism: PrismProcess | undefined;
  let baseUrl = '';

  before(async () => {
    prism = await startPrism(['mock']);
    baseUrl = prism.url;
  });

  after(() => prism?.stop());

  for (const action of ACTIONS)
    it(`${action.method} ${action.pathTemplate} answers ${successResponse(action).status}`, async () => {
      const required = action.query
        .filter((parameter) => parameter.required)
        .map((parameter) => parameter.example);
      const url = `${baseUrl}${pathFor(action, examplePathValues(action))}${required.length ? '?' + required.join('&') : ''}`;
      const body = action.requestBody
        ? JSON.stringify(referenceExample(action.requestBody.exampleFixture))
        : undefined;
      const response = await fetch(url, {
        method: action.method,
        headers: {
          authorization: 'Bearer example-token',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      expect(response.status).to.equal(successResponse(action).status);
      expect(response.headers.get('content-type')).to.match(/^application\/json/);
      await response.json();
    });

  it('refuses a request without a token with 401', async () => {
    const action = ACTIONS[0];
    const response = await fetch(`${baseUrl}${pathFor(action, examplePathValues(action))}`, {
      signal: AbortSignal.timeout(30_000),
    });
    expect(response.status).to.equal(401);
  });
});
