import { expect } from 'chai';
import { createFetchTransport, type FetchTransportOptions } from '../../src/http/fetch-transport';
import { TransportError, type HttpResponse } from '../../src/http/transport';
import { startPeer, streamFiller, type Peer } from './peers';

const GET = {
  method: 'GET',
  path: '/applications/x/flows',
  headers: { accept: 'application/json' },
} as const;

/** One request through a fresh transport; the transport is closed whatever happens. */
async function sendOnce(peer: Peer, options: Partial<FetchTransportOptions> = {}): Promise<HttpResponse> {
  const transport = createFetchTransport({ baseUrl: peer.url, timeoutMs: 2000, concurrency: 2, ...options });
  try {
    return await transport.send(GET);
  } finally {
    await transport.close();
  }
}

async function transportErrorOf(peer: Peer, options: Partial<FetchTransportOptions> = {}) {
  try {
    await sendOnce(peer, options);
  } catch (error) {
    expect(error).to.be.instanceOf(TransportError);
    return error as TransportError;
  }
  throw new Error('the request did not fail');
}

/** Misbehaving targets: each request ends, in bounded time, with an answer or a one-line TransportError. */
describe('http: the fetch transport against a hostile peer', function () {
  this.timeout(20_000);
  const peers: Peer[] = [];
  const peer = async (handler: Parameters<typeof startPeer>[0]) => {
    const started = await startPeer(handler);
    peers.push(started);
    return started;
  };
  afterEach(async () => {
    await Promise.all(peers.splice(0).map((item) => item.close()));
  });

  it('a connection reset mid-body is a connection failure, said to be mid-body', async () => {
    const target = await peer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"items": [', () => response.socket?.resetAndDestroy());
    });
    const error = await transportErrorOf(target);
    expect(error.kind).to.equal('connection');
    expect(error.message).to.match(/^connection failed mid-body \(/);
  });

  it('a body that trickles past the deadline fails with it, though no gap reaches the idle timeout', async () => {
    const timers: NodeJS.Timeout[] = [];
    const target = await peer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => response.write(' '), 20);
      timers.push(timer);
      response.on('close', () => clearInterval(timer));
    });
    // A deadline of a second: the head comes at once even when the tests' workers load both cores.
    const error = await transportErrorOf(target, { timeoutMs: 1000 });
    timers.forEach(clearInterval);
    expect(error.kind).to.equal('timeout');
    expect(error.message).to.equal('the answer did not end within 1000 ms');
  });

  it('a 50 MB body is cut at the cap: the peer could not hand over the whole of it', async () => {
    let handedOver: Promise<number> = Promise.resolve(0);
    const target = await peer((_request, response) => {
      handedOver = streamFiller(response, 50 * 1024 * 1024);
    });
    const error = await transportErrorOf(target, { maxResponseBytes: 1024 * 1024 });
    expect(error.kind).to.equal('too-large');
    expect(error.message).to.equal('response larger than 1048576 bytes');
    expect(await handedOver).to.be.below(50 * 1024 * 1024);
  });

  it('a 600 MB body against the default cap of 16 MiB fails with the cap, not ERR_STRING_TOO_LONG', async () => {
    let handedOver: Promise<number> = Promise.resolve(0);
    const target = await peer((_request, response) => {
      handedOver = streamFiller(response, 600 * 1024 * 1024);
    });
    const error = await transportErrorOf(target);
    expect(error.message).to.equal(`response larger than ${16 * 1024 * 1024} bytes`);
    expect(await handedOver).to.be.below(100 * 1024 * 1024);
  });

  it('a declared content-length past the cap is refused before the body is read', async () => {
    const target = await peer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(1 << 30) });
      response.write('{');
    });
    const error = await transportErrorOf(target, { maxResponseBytes: 1000 });
    expect(error.message).to.equal('response larger than 1000 bytes');
  });

  it('a body exactly at the cap is read whole', async () => {
    const target = await peer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(`"${'x'.repeat(998)}"`);
    });
    const response = await sendOnce(target, { maxResponseBytes: 1000 });
    expect(response.bodyText).to.have.length(1000);
    expect(response.json.ok).to.equal(true);
  });

  it('a redirect is an answer: the transport never asks the server it points to', async () => {
    const elsewhere = await peer((_request, response) => response.writeHead(200).end('{}'));
    const target = await peer((_request, response) =>
      response.writeHead(302, { location: `${elsewhere.url}/applications/x/flows` }).end(),
    );
    const response = await sendOnce(target);
    expect(response.status).to.equal(302);
    expect(response.headers.location).to.equal(`${elsewhere.url}/applications/x/flows`);
    expect(elsewhere.requests()).to.equal(0);
  });

  it('a redirect loop is one 3xx answer, asked once', async () => {
    const target = await peer((request, response) =>
      response.writeHead(307, { location: request.url ?? '/' }).end(),
    );
    const response = await sendOnce(target);
    expect(response.status).to.equal(307);
    expect(target.requests()).to.equal(1);
  });

  for (const status of [500, 503]) {
    it(`a ${status} is an answer, given back once and not retried`, async () => {
      const target = await peer((_request, response) =>
        response.writeHead(status, { 'retry-after': '0' }).end('down'),
      );
      const response = await sendOnce(target);
      expect(response.status).to.equal(status);
      expect(target.requests()).to.equal(1);
    });
  }

  it('non-JSON sent as application/json is an answer whose JSON parse failed, not a crash', async () => {
    const target = await peer((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"items": [1, 2,'),
    );
    const response = await sendOnce(target);
    expect(response.status).to.equal(200);
    expect(response.json.ok).to.equal(false);
    expect(response.json.ok === false && response.json.error).to.match(/^the body is not JSON/);
  });

  describe('429 Too Many Requests', () => {
    it('Retry-After: 0 is honoured: the request is retried until it is answered', async () => {
      const target = await peer((_request, response) => {
        if (target.requests() <= 2) response.writeHead(429, { 'retry-after': '0' }).end();
        else response.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
      });
      const response = await sendOnce(target);
      expect(response.status).to.equal(200);
      expect(target.requests()).to.equal(3);
    });

    it('a Retry-After HTTP-date already past is honoured as no wait', async () => {
      const target = await peer((_request, response) => {
        if (target.requests() === 1)
          response.writeHead(429, { 'retry-after': new Date(0).toUTCString() }).end();
        else response.writeHead(204).end();
      });
      expect((await sendOnce(target)).status).to.equal(204);
      expect(target.requests()).to.equal(2);
    });

    it('a 429 that persists fails the request after the bounded retries', async () => {
      const target = await peer((_request, response) =>
        response.writeHead(429, { 'retry-after': '0' }).end(),
      );
      const error = await transportErrorOf(target, { throttle: { maxRetries: 3 } });
      expect(error.kind).to.equal('throttled');
      expect(error.message).to.match(/^429 Too Many Requests persisted after 3 retries/);
      expect(target.requests()).to.equal(4);
    });

    it('a Retry-After beyond the wait cap fails at once rather than waiting', async () => {
      const target = await peer((_request, response) =>
        response.writeHead(429, { 'retry-after': '1' }).end(),
      );
      const error = await transportErrorOf(target, { throttle: { maxWaitMs: 500 } });
      expect(error.message).to.equal(
        '429 Too Many Requests persisted after 0 retries (Retry-After asks 1000 ms more; a request waits at most 500 ms in all)',
      );
      expect(target.requests()).to.equal(1);
    });
  });
});
