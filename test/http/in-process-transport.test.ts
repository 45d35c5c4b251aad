import { expect } from 'chai';
import { createServer } from 'node:http';
import { createInProcessTransport } from '../../src/http/in-process-transport';
import { TransportError } from '../../src/http/transport';

describe('http: the in-process transport (light-my-request, no socket)', () => {
  it('sends the method, path, query, headers and body; gives back status, lower-case headers and the JSON', async () => {
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        response.writeHead(201, { 'Content-Type': 'application/json', 'X-Echo': request.headers['x-token'] });
        response.end(JSON.stringify({ method: request.method, url: request.url, body }));
      });
    });
    const transport = createInProcessTransport(server, 1000);
    const answer = await transport.send({
      method: 'POST',
      path: '/applications/1/flows',
      query: 'a=1',
      headers: { 'x-token': 't', 'content-type': 'application/json' },
      body: '{"name":"x"}',
    });
    expect(answer.status).to.equal(201);
    expect(answer.headers['x-echo']).to.equal('t');
    expect(answer.json).to.deep.equal({
      ok: true,
      value: { method: 'POST', url: '/applications/1/flows?a=1', body: '{"name":"x"}' },
    });
  });

  it('a handler that never answers fails with a timeout at the deadline, not a hang', async () => {
    const transport = createInProcessTransport(
      createServer(() => undefined),
      100,
    );
    const error = await transport.send({ method: 'GET', path: '/', headers: {} }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).to.be.instanceOf(TransportError);
    expect(error).to.include({ kind: 'timeout', message: 'no answer within 100 ms' });
  });

  it('a server without a request handler is refused when the transport is made', () => {
    expect(() => createInProcessTransport(createServer(), 100)).to.throw(/no request handler/);
  });
});
