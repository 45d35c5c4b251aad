import http from 'node:http';
import { expect } from 'chai';
import { createConformanceProxy } from '../../src/proxy';
import { climbsOutOfBase } from '../../src/proxy/path-guard';
import { startPeer } from '../http/peers';

/** One request with its path sent as written (fetch would resolve the dots before sending). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

const CLIMBING = ['/../admin', '/%2e%2e/admin', '/a/%2E./admin', '/a/.%2e/admin', '/a/..', '/a\\..\\admin'];
const STAYING = ['/applications/x/flows', '/a..b/c', '/.../c', '/%2e/c', '/a/.', '/a/b.'];

describe("proxy: a path never leaves the target's base path (issue 20)", () => {
  it('tells a ".." segment in any spelling from dots that climb nowhere', () => {
    for (const path of CLIMBING) expect(climbsOutOfBase(path), path).to.equal(true);
    for (const path of STAYING) expect(climbsOutOfBase(path), path).to.equal(false);
  });

  it('answers 400 to a climbing path and forwards nothing; other paths reach the target under its base', async () => {
    const seen: string[] = [];
    const peer = await startPeer((request, response) => {
      seen.push(request.url ?? '');
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"type":"NotFound","message":"x"}');
    });
    const proxy = createConformanceProxy({ target: `${peer.url}/api`, timeoutMs: 2000 });
    try {
      const url = await proxy.listen(0, '127.0.0.1');
      for (const path of CLIMBING.slice(0, 5)) {
        const { status, body } = await rawGet(url, path);
        expect(status, path).to.equal(400);
        expect(JSON.parse(body)).to.include({ type: 'BadRequest' });
      }
      expect(seen).to.deep.equal([]);
      expect((await rawGet(url, '/applications/x/flows')).status).to.equal(404);
      expect(seen).to.deep.equal(['/api/applications/x/flows']);
    } finally {
      await proxy.close();
      await peer.close();
    }
  });
});
