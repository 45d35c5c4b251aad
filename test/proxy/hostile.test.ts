import http from 'node:http';
import net from 'node:net';
import { expect } from 'chai';
import { MOCK_APPLICATION_ID } from '../../src/mock';
import { createConformanceProxy, VIOLATIONS_HEADER, type ConformanceProxy } from '../../src/proxy';
import { startHostileProxy, type Hostility, type HostileProxy } from '../http/hostile-proxy';
import { startPeer, type Peer } from '../http/peers';
import { proxiedMock, type ProxiedMock } from './support';

const FLOWS = `/applications/${MOCK_APPLICATION_ID}/flows`;
const TOKEN = { authorization: 'Bearer hostile-test-token' };

/** The proxy in front of `target`, asked once; its answer read whole. */
async function askThrough(proxy: ConformanceProxy, url: string, init: RequestInit = {}) {
  const answer = await fetch(`${url}${FLOWS}`, { ...init, headers: { ...TOKEN, ...(init.headers ?? {}) } });
  const text = await answer.text();
  return {
    status: answer.status,
    headers: answer.headers,
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}

async function proxyFor(target: string, timeoutMs = 2000, maxJudgedBytes?: number) {
  const proxy = createConformanceProxy({ target, timeoutMs, maxJudgedBytes });
  return { proxy, url: await proxy.listen(0, '127.0.0.1') };
}

/** Raw bytes to a port, and whatever comes back before the connection closes. */
function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
}

describe('proxy: hostile targets and clients', function () {
  this.timeout(60_000);

  describe('a target that gives no usable answer', () => {
    const peers: Peer[] = [];
    const proxies: ConformanceProxy[] = [];
    const through = async (handler: Parameters<typeof startPeer>[0], timeoutMs?: number) => {
      const peer = await startPeer(handler);
      peers.push(peer);
      const { proxy, url } = await proxyFor(peer.url, timeoutMs);
      proxies.push(proxy);
      return { proxy, answer: await askThrough(proxy, url) };
    };
    after(async () => {
      await Promise.all(proxies.map((proxy) => proxy.close()));
      await Promise.all(peers.map((peer) => peer.close()));
    });

    it('down: 502 with an Error body saying the connection was refused', async () => {
      const peer = await startPeer(() => undefined);
      await peer.close();
      const { proxy, url } = await proxyFor(peer.url);
      proxies.push(proxy);
      const answer = await askThrough(proxy, url);
      expect(answer.status).to.equal(502);
      expect(answer.json()).to.include({ type: 'BadGateway' });
      expect(answer.json().message).to.match(/refused the connection/);
      expect(proxy.log.results.map((result) => [result.outcome, result.failures[0]?.check])).to.deep.equal([
        ['failed', 'answered'],
      ]);
    });

    it('resets the connection: 502', async () => {
      const { answer } = await through((request) => request.socket.destroy());
      expect(answer.status).to.equal(502);
      expect(answer.json().message).to.match(/closed the connection/);
    });

    it('hangs: 504 after the timeout', async () => {
      const { answer } = await through(() => undefined, 300);
      expect(answer.status).to.equal(504);
      expect(answer.json()).to.include({ type: 'GatewayTimeout' });
    });

    it('sends garbage instead of HTTP: 502', async () => {
      const sockets = new Set<net.Socket>();
      const garbage = net.createServer((socket) => {
        sockets.add(socket);
        socket.end('SSH-2.0-not-http\r\n\r\n');
      });
      await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
      const { port } = garbage.address() as net.AddressInfo;
      const { proxy, url } = await proxyFor(`http://127.0.0.1:${port}`);
      proxies.push(proxy);
      try {
        const answer = await askThrough(proxy, url);
        expect(answer.status).to.equal(502);
        expect(answer.json().message).to.match(/not HTTP|closed the connection/);
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => garbage.close(resolve));
      }
    });
  });

  describe('a target that misbehaves in front of the mock', () => {
    let proxied: ProxiedMock;
    let hostile: HostileProxy;
    let chosen: Hostility = 'forward';
    let proxy: ConformanceProxy;
    let url: string;
    before(async () => {
      proxied = await proxiedMock();
      hostile = await startHostileProxy(proxied.target, () => chosen);
      ({ proxy, url } = await proxyFor(hostile.url, 500, 1024 * 1024));
    });
    after(async () => {
      await proxy.close();
      await hostile.close();
      await proxied.close();
    });
    const TOKEN_INIT = () => ({
      headers: { authorization: `Bearer ${proxied.mock.tokenFor(['flows.get'])}` },
    });
    const ask = async (hostility: Hostility) => {
      chosen = hostility;
      return askThrough(proxy, url, {
        headers: { authorization: `Bearer ${proxied.mock.tokenFor(['flows.get'])}` },
      });
    };

    it('a 200 whose body is not JSON: forwarded as it came, the violation in the header', async () => {
      const answer = await ask('garbage-json');
      expect(answer.status).to.equal(200);
      expect(answer.text).to.equal('{"items": [1, 2,');
      const violations = JSON.parse(answer.headers.get(VIOLATIONS_HEADER) ?? '[]') as {
        check: string;
        level: string;
      }[];
      expect(violations).to.deep.include({
        ...violations.find((entry) => entry.check === 'schema'),
        level: 'MUST',
      });
    });

    it('a 500: forwarded, named as a status the reference does not list', async () => {
      const answer = await ask('500');
      expect(answer.status).to.equal(500);
      expect(answer.headers.get(VIOLATIONS_HEADER)).to.include('listedStatus');
    });

    it('a reset in the middle of the body: 502', async () => {
      expect((await ask('reset-mid-body')).status).to.equal(502);
    });

    it('a body that trickles forever: 504', async () => {
      expect((await ask('trickle')).status).to.equal(504);
    });

    it('a body larger than the proxy holds: streamed through unjudged, the result skipped', async () => {
      const answer = await ask('huge');
      expect(answer.status).to.equal(200);
      expect(answer.text.length).to.equal(50 * 1024 * 1024);
      expect(proxy.log.results.at(-1)).to.include({ outcome: 'skipped' });
    });

    it('a client that goes away in the middle of a large answer: the exchange ends, recorded', async () => {
      chosen = 'huge';
      const before = proxy.log.records.length;
      const aborted = new AbortController();
      const answer = await fetch(`${url}${FLOWS}`, { ...TOKEN_INIT(), signal: aborted.signal });
      const reader = answer.body!.getReader();
      await reader.read();
      aborted.abort();
      await reader.read().catch(() => undefined);
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (proxy.log.records.length > before) {
            clearInterval(poll);
            resolve();
          }
        }, 10);
      });
      expect(proxy.log.records.length).to.equal(before + 1);
    });

    it('and still serves the next request unchanged', async () => {
      const answer = await ask('forward');
      expect(answer.status).to.equal(200);
      expect(answer.headers.get(VIOLATIONS_HEADER)).to.equal(null);
    });
  });

  describe('a client that sends garbage', () => {
    let proxied: ProxiedMock;
    before(async () => {
      proxied = await proxiedMock();
    });
    after(() => proxied.close());

    it('bytes that are not HTTP: 400 with an Error body, and the proxy serves on', async () => {
      const answer = await rawExchange(proxied.url, 'GARBAGE \u0000\u0001 NOT HTTP\r\n\r\n');
      expect(answer).to.match(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).to.include({ type: 'BadRequest' });
      const next = await askThrough(proxied.proxy, proxied.url, {
        headers: { authorization: `Bearer ${proxied.mock.tokenFor(['flows.get'])}` },
      });
      expect(next.status).to.equal(200);
    });

    it('a body that is not JSON: forwarded, refused by the target, no violation', async () => {
      const answer = await askThrough(proxied.proxy, proxied.url, {
        method: 'POST',
        body: '{"name": "cut',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${proxied.mock.tokenFor(['flows.post'])}`,
        },
      });
      expect(answer.status).to.equal(400);
      expect(answer.headers.get(VIOLATIONS_HEADER)).to.equal(null);
      expect(proxied.proxy.log.results.at(-1)).to.include({ outcome: 'passed' });
    });
  });

  describe('forwarding', () => {
    let peer: Peer;
    let proxy: ConformanceProxy;
    let url: string;
    let seen: Record<string, string | string[] | undefined> = {};
    before(async () => {
      peer = await startPeer((request, response) => {
        seen = request.headers;
        response.writeHead(200, {
          'content-type': 'text/plain',
          'x-end-to-end': 'kept',
          connection: 'x-hop',
          'x-hop': 'dropped',
        });
        response.end('hello');
      });
      ({ proxy, url } = await proxyFor(`${peer.url}/api`));
    });
    after(async () => {
      await proxy.close();
      await peer.close();
    });

    it('passes other routes through under the target’s base path, hop-by-hop headers dropped both ways', async () => {
      // node:http, since fetch itself refuses to send a Connection header.
      const answer = await new Promise<http.IncomingMessage & { text: string }>((resolve, reject) => {
        const sent = http.get(
          `${url}/auth/user?x=1`,
          { headers: { 'x-client': 'kept', connection: 'x-private', 'x-private': 'dropped' } },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve(Object.assign(response, { text })));
          },
        );
        sent.on('error', reject);
      });
      expect(answer.statusCode).to.equal(200);
      expect(answer.text).to.equal('hello');
      expect(answer.headers['x-end-to-end']).to.equal('kept');
      expect(answer.headers['x-hop']).to.equal(undefined);
      expect(seen['x-client']).to.equal('kept');
      expect(seen['x-private']).to.equal(undefined);
      expect(seen.host).to.equal(new URL(peer.url).host);
      expect(proxy.log.records.at(-1)?.request.url).to.equal('/auth/user?x=1');
      expect(proxy.log.results).to.deep.equal([]);
    });
  });
});
