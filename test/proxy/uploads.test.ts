import http from 'node:http';
import { expect } from 'chai';
import { exitCodeOf } from '../../src/engine/runner';
import { MOCK_APPLICATION_ID } from '../../src/mock';
import { createConformanceProxy } from '../../src/proxy';
import { startPeer } from '../http/peers';
import { proxiedMock } from './support';

const FLOWS = `/applications/${MOCK_APPLICATION_ID}/flows`;

interface Upload {
  readonly status?: number;
  readonly body: string;
  /** A socket error the client saw (a reset) instead of an answer. */
  readonly error?: string;
}

/** A Post of `bytes` bytes sent in 64 KiB chunks as fast as the socket takes them, and what came back. */
function upload(url: string, bytes: number, token: string): Promise<Upload> {
  return new Promise((resolve) => {
    const request = http.request(`${url}${FLOWS}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': bytes,
      },
    });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode, body }));
      response.on('error', (error) => resolve({ body, error: error.message }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ body: '', error: error.code }));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += part.length;
        if (!request.write(part)) return void request.once('drain', pump);
      }
      request.end();
    };
    pump();
  });
}

/** An upload that sends its headers and a few bytes, then waits; `stop` ends it. */
function slowUpload(url: string, token: string): { stop: () => void } {
  const request = http.request(`${url}${FLOWS}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': 1000,
    },
  });
  request.on('error', () => undefined);
  request.write('{"name": ');
  return { stop: () => request.destroy() };
}

/** Resolves once `server` holds `count` connections (each slow upload has reached it). */
async function untilConnections(server: http.Server, count: number): Promise<void> {
  for (;;) {
    const open = await new Promise<number>((resolve) => server.getConnections((_error, n) => resolve(n)));
    if (open >= count) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('proxy: uploads and stops (issue 20)', function () {
  this.timeout(60_000);

  it('an upload above the cap gets a clean 413 Error body, never a reset, and reaches nobody', async () => {
    const proxied = await proxiedMock([], { maxRequestBytes: 256 * 1024 });
    try {
      for (let attempt = 0; attempt < 8; attempt += 1) {
        const answer = await upload(proxied.url, 4 * 1024 * 1024, 'any');
        expect(answer.error, `attempt ${attempt}`).to.equal(undefined);
        expect(answer.status).to.equal(413);
        expect(JSON.parse(answer.body)).to.include({ type: 'PayloadTooLarge' });
      }
      expect(proxied.proxy.log.records.every((record) => /answered 413/.test(record.comment ?? ''))).to.equal(
        true,
      );
    } finally {
      await proxied.close();
    }
  });

  it('the target’s own 413 for a body above P2’s limit reaches the client as 413, not a reset or a 502', async () => {
    const proxied = await proxiedMock();
    const token = proxied.mock.tokenFor(['flows.post']);
    try {
      for (let attempt = 0; attempt < 8; attempt += 1) {
        const answer = await upload(proxied.url, 2 * 1024 * 1024, token);
        expect(answer.error, `attempt ${attempt}`).to.equal(undefined);
        expect(answer.status, `attempt ${attempt}`).to.equal(413);
      }
    } finally {
      await proxied.close();
    }
  });

  it('slow uploads hold no connection of the pool: a normal request is served at once', async () => {
    // More than the pool's 128 connections, as in the attack review.
    const proxied = await proxiedMock();
    // A token the target accepts, so that it waits for each body instead of refusing at the headers.
    const writer = proxied.mock.tokenFor(['flows.post']);
    const slow = Array.from({ length: 130 }, () => slowUpload(proxied.url, writer));
    try {
      await untilConnections(proxied.proxy.server, 130);
      const token = proxied.mock.tokenFor(['flows.get']);
      const started = performance.now();
      const answer = await fetch(`${proxied.url}${FLOWS}`, { headers: { authorization: `Bearer ${token}` } });
      expect(answer.status).to.equal(200);
      expect(performance.now() - started).to.be.below(5_000);
    } finally {
      for (const upload of slow) upload.stop();
      await proxied.close();
    }
  });

  it('an upload that does not come within --timeout gets 408, nothing sent to the target', async () => {
    const proxied = await proxiedMock([], { timeoutMs: 300 });
    const answer = await new Promise<number | undefined>((resolve) => {
      const request = http.request(`${proxied.url}${FLOWS}`, {
        method: 'POST',
        headers: { authorization: 'Bearer slow', 'content-type': 'application/json', 'content-length': 100 },
      });
      request.on('response', (response) => resolve(response.statusCode));
      request.on('error', () => resolve(undefined));
      request.write('{');
    });
    try {
      expect(answer).to.equal(408);
    } finally {
      await proxied.close();
    }
  });

  it('stopping the proxy mid-request is not blamed on the target: the exchange is skipped, exit 0', async () => {
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const silent = await startPeer(() => arrived());
    const proxy = createConformanceProxy({ target: silent.url });
    const url = await proxy.listen(0, '127.0.0.1');
    const pending = fetch(`${url}${FLOWS}`, { headers: { authorization: 'Bearer t' } }).catch(
      () => undefined,
    );
    await reached;
    await proxy.close();
    await pending;
    await silent.close();
    const report = proxy.log.report();
    expect(report.results.map((result) => [result.outcome, result.skipReason])).to.deep.equal([
      ['skipped', 'the proxy stopped (SIGINT or SIGTERM) before the target answered'],
    ]);
    expect(exitCodeOf(report)).to.equal(0);
  });
});
