import { expect } from 'chai';
import { createdFlowIdsOf, startTargetRelay } from '../../src/pact/target-relay';
import { startRecordingServer } from './support/recording-server';

describe("verify's relay to the target", () => {
  it('reads the created flow ids of a Workflow and of an Import result, and nothing of other bodies', () => {
    expect(createdFlowIdsOf('{"id":"575ED18F7AE143CD83DC4AA6","name":"x"}')).to.deep.equal([
      '575ED18F7AE143CD83DC4AA6',
    ]);
    expect(createdFlowIdsOf('{"importedFlowIdMap":{},"flows":[{"id":"a"},{"id":"b"},{}]}')).to.deep.equal([
      'a',
      'b',
    ]);
    for (const body of ['', 'not json', 'null', '[1]', '{"id":5}'])
      expect(createdFlowIdsOf(body)).to.deep.equal([]);
  });

  it('passes requests and answers through unchanged, recording the flows a POST created', async () => {
    const target = await startRecordingServer((request, response) => {
      response.writeHead(request.method === 'POST' ? 201 : 200, {
        'content-type': 'application/json; charset=UTF-8',
        'x-extra': 'kept',
      });
      response.end(request.method === 'POST' ? '{"id":"575ed18f7ae143cd83dc4aa6"}' : '{"items":[]}');
    });
    const relay = await startTargetRelay(`${target.url}/`, 5_000);
    try {
      const posted = await fetch(`${relay.baseUrl}/applications/a/flows?includeCustomNodes=true`, {
        method: 'POST',
        headers: { authorization: 'Bearer t-1', 'content-type': 'application/json' },
        body: '{"name":"n"}',
      });
      expect(posted.status).to.equal(201);
      expect(posted.headers.get('content-type')).to.equal('application/json; charset=UTF-8');
      expect(posted.headers.get('x-extra')).to.equal('kept');
      expect(await posted.json()).to.deep.equal({ id: '575ed18f7ae143cd83dc4aa6' });
      const listed = await fetch(`${relay.baseUrl}/applications/a/flows`, {
        headers: { authorization: 'Bearer t-2' },
      });
      expect(await listed.json()).to.deep.equal({ items: [] });
      expect(target.received).to.deep.equal([
        {
          method: 'POST',
          path: '/applications/a/flows?includeCustomNodes=true',
          authorization: 'Bearer t-1',
          body: '{"name":"n"}',
        },
        { method: 'GET', path: '/applications/a/flows', authorization: 'Bearer t-2', body: '' },
      ]);
      expect(relay.log()).to.deep.equal({
        createdFlowIds: ['575ed18f7ae143cd83dc4aa6'],
        refusedRedirects: [],
        targetFailure: undefined,
      });
    } finally {
      await relay.close();
      await target.close();
    }
  });

  it('answers 502 for a target that resets the connection, and records why once', async () => {
    const target = await startRecordingServer((_request, response) => response.socket?.resetAndDestroy());
    const relay = await startTargetRelay(target.url, 5_000);
    try {
      for (const path of ['/first', '/second']) {
        const response = await fetch(relay.baseUrl + path);
        expect(response.status, path).to.equal(502);
        expect(((await response.json()) as { type: string }).type).to.equal('TargetUnreachable');
      }
      expect(relay.log().targetFailure).to.match(
        /^GET \/first: connection failed \((ECONNRESET|UND_ERR_SOCKET)\)$/,
      );
    } finally {
      await relay.close();
      await target.close();
    }
  });
});
