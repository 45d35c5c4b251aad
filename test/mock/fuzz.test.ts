import { expect } from 'chai';
import fc from 'fast-check';
import { ACTIONS, pathFor } from '../../specs/catalog';
import { validatorFor } from '../../src/schemas/registry';
import request from 'supertest';
import { ADMIN, APP, seeded, type TestMock } from './helpers';

/** What any request must get: never a 5xx; a 4xx always with a JSON Error body. */
function answeredWell(status: number, contentType: string | undefined, body: unknown): boolean {
  if (status >= 500) return false;
  if (status < 400) return true;
  return /^application\/json/.test(contentType ?? '') && validatorFor('error')(body).length === 0;
}

const parameterNames = [
  ...new Set(ACTIONS.flatMap((action) => action.query.map((parameter) => parameter.name))),
];

/** Query strings near the catalog's parameters: known names with odd values, odd names, brackets. */
const queryPart = fc.oneof(
  fc.tuple(fc.constantFrom(...parameterNames), fc.string({ maxLength: 12 })),
  fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 })),
  fc.tuple(
    fc.constantFrom(
      'triggerFilter[0][type]',
      'triggerFilter[][key]',
      'triggerFilter[a]',
      'page[]',
      'sortField[x]',
    ),
    fc.string({ maxLength: 8 }),
  ),
);
const queryString = fc
  .array(queryPart, { maxLength: 6 })
  .map((pairs) =>
    pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&'),
  );

/** Bodies near the Post and Import schemas (their keys, any values) and any JSON at all. */
const anyValue = fc.jsonValue({ maxDepth: 3 });
const flowLike = fc.record(
  {
    id: fc.oneof(fc.stringMatching(/^[0-9a-f]{24}$/), anyValue),
    name: fc.oneof(fc.string({ maxLength: 20 }), anyValue),
    flowClass: fc.oneof(fc.constantFrom('cloud', 'edge', 'customNode', 'experience'), anyValue),
    triggers: fc.oneof(fc.array(fc.record({ type: fc.oneof(fc.constant('webhook'), anyValue) })), anyValue),
    nodes: anyValue,
    globals: anyValue,
  },
  { requiredKeys: [] },
);
const jsonBody = fc.oneof(
  anyValue,
  flowLike,
  fc.record(
    { flows: fc.oneof(fc.array(flowLike, { maxLength: 3 }), anyValue), flowVersions: anyValue },
    { requiredKeys: [] },
  ),
);

describe('mock: fuzzed requests never crash it (fast-check)', function () {
  this.timeout(120_000);
  let t: TestMock;
  before(async () => {
    t = await seeded();
  });
  after(() => t.close());

  for (const action of ACTIONS.filter((candidate) => candidate.method === 'GET')) {
    it(`${action.id}: any query string gets 200 or a 4xx Error body`, async () => {
      await fc.assert(
        fc.asyncProperty(queryString, async (query) => {
          const response = await t.get(`${pathFor(action, { APPLICATION_ID: APP })}?${query}`);
          return answeredWell(response.status, response.headers['content-type'], response.body);
        }),
        { numRuns: 200 },
      );
    });
  }

  for (const action of ACTIONS.filter((candidate) => candidate.method === 'POST')) {
    it(`${action.id}: any JSON body gets 201 or a 4xx Error body, and a 4xx creates nothing`, async () => {
      const flowCount = () => t.mock.store.application(APP)?.flows.size ?? 0;
      await fc.assert(
        fc.asyncProperty(jsonBody, async (body) => {
          const before = flowCount();
          const response = await request(t.mock.server)
            .post(pathFor(action, { APPLICATION_ID: APP }))
            .set('Authorization', `Bearer ${ADMIN}`)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          const created = flowCount() - before;
          return (
            answeredWell(response.status, response.headers['content-type'], response.body) &&
            (response.status === 201 || created === 0)
          );
        }),
        { numRuns: 200 },
      );
    });
  }

  it('the property catches a mock whose errors are not Error bodies (error-body-as-text)', async () => {
    const faulty = await seeded(['error-body-as-text']);
    try {
      const action = ACTIONS.find((candidate) => candidate.id === 'flows.get')!;
      const failed = await fc.check(
        fc.asyncProperty(queryString, async (query) => {
          const response = await faulty.get(`${pathFor(action, { APPLICATION_ID: APP })}?${query}`);
          return answeredWell(response.status, response.headers['content-type'], response.body);
        }),
        { numRuns: 200 },
      );
      expect(failed.failed).to.equal(true);
    } finally {
      await faulty.close();
    }
  });
});
