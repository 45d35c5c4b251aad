import { expect } from 'chai';
import request from 'supertest';
import { validatorFor } from '../../src/schemas/registry';
import { ADMIN, APP, FLOWS, startMock, type TestMock } from './helpers';

/** JSON that JSON.parse takes but the mock could not store and give back as sent: 400, nothing stored. */
describe('mock: unsound JSON bodies are refused (P2)', () => {
  let t: TestMock;
  before(async () => {
    t = await startMock();
  });
  after(() => t.close());

  const post = (body: string | Buffer) =>
    request(t.mock.server)
      .post(FLOWS)
      .set('Authorization', `Bearer ${ADMIN}`)
      .set('Content-Type', 'application/json')
      // Bytes as they are: superagent would serialize a Buffer as JSON.
      .serialize((bytes: unknown) => bytes as string)
      .send(body as string);
  const flowCount = () => t.mock.store.application(APP)?.flows.size ?? 0;
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

  for (const [name, body, named] of [
    ['invalid UTF-8 (a lone 0xFF byte)', bytes('{"name":"a', [0xff], 'b"}'), /UTF-8/],
    ['invalid UTF-8 (a sequence cut short)', bytes('{"name":"a', [0xe2, 0x82], '"}'), /UTF-8/],
    [
      'a lone surrogate as raw bytes (0xED 0xA0 0x80)',
      bytes('{"name":"a', [0xed, 0xa0, 0x80], '"}'),
      /UTF-8/,
    ],
    ['a lone high surrogate escape', '{"name":"a\\ud800"}', /surrogate/],
    ['a lone low surrogate escape', '{"name":"\\uDC00b"}', /surrogate/],
    [
      'a lone surrogate escape in a key',
      '{"name":"x","nodes":[{"id":"n","type":"t","\\ud800":"v"}]}',
      /surrogate/,
    ],
    [
      'a number beyond a double (1e400)',
      '{"name":"x","nodes":[{"id":"n","type":"t","meta":{"x":1e400}}]}',
      /number/,
    ],
    [
      'a negative number beyond a double',
      '{"name":"x","nodes":[{"id":"n","type":"t","meta":{"x":-2E+308}}]}',
      /number/,
    ],
    [
      'a 400-digit number',
      `{"name":"x","nodes":[{"id":"n","type":"t","meta":{"x":${'9'.repeat(400)}}}]}`,
      /number/,
    ],
  ] as const) {
    it(`${name}: 400, an Error body naming it, nothing stored`, async () => {
      const before = flowCount();
      const response = await post(body);
      expect(response.status).to.equal(400);
      expect(validatorFor('error')(response.body)).to.deep.equal([]);
      expect(response.body.message).to.match(named);
      expect(flowCount()).to.equal(before);
    });
  }

  for (const [name, body, stored] of [
    ['a surrogate pair escape', '{"name":"smile \\ud83d\\ude00"}', 'smile 😀'],
    ['raw UTF-8 outside the BMP', '{"name":"smile 😀 ß"}', 'smile 😀 ß'],
    [
      'numbers with exponents a double holds',
      '{"name":"e","nodes":[{"id":"n","type":"t","meta":{"x":1e2,"y":2.5E-3}}]}',
      'e',
    ],
    [
      'true and false beside numbers',
      '{"name":"tf","enabled":true,"nodes":[{"id":"n","type":"t","meta":{"x":1}}]}',
      'tf',
    ],
  ] as const) {
    it(`${name} is still accepted and stored as sent`, async () => {
      const response = await post(body);
      expect(response.status).to.equal(201);
      expect(response.body.name).to.equal(stored);
      const again = await t.get(`${FLOWS}?filterField=name&filter=${encodeURIComponent(stored)}`);
      expect(again.body.items.map((flow: { name: string }) => flow.name)).to.include(stored);
    });
  }
});
