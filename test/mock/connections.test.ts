import { expect } from 'chai';
import { validatorFor } from '../../src/schemas/registry';
import { ADMIN, FLOWS, startMock, type TestMock } from './helpers';
import { portOf, rawClient, type RawAnswer } from './raw-client';

const expectErrorBody = (answer: RawAnswer, status: number) => {
  expect(answer.status).to.equal(status);
  expect(answer.headers['content-type']).to.match(/^application\/json/);
  expect(validatorFor('error')(JSON.parse(answer.body))).to.deep.equal([]);
};

const postHead = (headers: string) =>
  `POST ${FLOWS} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n`;

/** Connections a client stalls or overfills are answered and closed, never held (the hardening issue). */
describe('mock: stalled and refused requests close their connection', () => {
  let t: TestMock;
  let port: number;
  before(async () => {
    t = await startMock({ requestTimeoutMs: 300, bodyLimitBytes: 64 * 1024 });
    port = portOf(await t.mock.listen(0));
  });
  after(() => t.close());

  it('a body that stalls after its first bytes gets 408 and the connection closed', async () => {
    const client = rawClient(
      port,
      `${postHead(`Authorization: Bearer ${ADMIN}\r\nContent-Length: 100\r\n`)}{"name":`,
    );
    expectErrorBody(await client.answer, 408);
    await client.closed;
  });

  it('headers that never end get 408 and the connection closed', async () => {
    const client = rawClient(port, `GET ${FLOWS} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bea`);
    expectErrorBody(await client.answer, 408);
    await client.closed;
  });

  it('a 401 before a 100 MB body says Connection: close and closes', async () => {
    const client = rawClient(port, `${postHead(`Content-Length: ${100 * 1024 * 1024}\r\n`)}{"name":"x",`);
    const answer = await client.answer;
    expectErrorBody(answer, 401);
    expect(answer.headers.connection).to.equal('close');
    await client.closed;
  });

  it('a 403 before the body closes too; a refused GET without a body keeps its connection', async () => {
    const narrow = t.mock.tokenFor(['flows.get']);
    const refused = rawClient(
      port,
      `${postHead(`Authorization: Bearer ${narrow}\r\nContent-Length: 1000000\r\n`)}{`,
    );
    const answer = await refused.answer;
    expectErrorBody(answer, 403);
    expect(answer.headers.connection).to.equal('close');
    await refused.closed;

    const get = rawClient(port, `GET ${FLOWS} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    const unauthorized = await get.answer;
    expectErrorBody(unauthorized, 401);
    expect(unauthorized.headers.connection).to.equal('keep-alive');
    get.socket.destroy();
  });

  for (const [name, framing] of [
    ['declared', (size: number) => `Content-Length: ${size}\r\n`],
    ['chunked', () => 'Transfer-Encoding: chunked\r\n'],
  ] as const) {
    it(`an oversize body (${name}) sent whole gets its 413 Error body, not a reset`, async () => {
      const size = 2 * 1024 * 1024;
      const client = rawClient(port, `${postHead(`Authorization: Bearer ${ADMIN}\r\n${framing(size)}`)}`);
      const body = Buffer.alloc(size, 0x20);
      client.write(
        name === 'chunked' ? Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), body]) : body,
      );
      if (name === 'chunked') client.write('\r\n0\r\n\r\n');
      const answer = await client.answer;
      expectErrorBody(answer, 413);
      expect(answer.headers.connection).to.equal('close');
      await client.closed;
    });
  }
});
