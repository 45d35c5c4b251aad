import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { FlowsApiError, FlowsClient, serializeQuery } from '../../src/client';

describe('typed client of the Flows API', () => {
  let server: Server;
  let baseUrl: string;
  let seen: IncomingMessage[] = [];
  let answer: { status: number; body: string } = { status: 200, body: '{"items":[]}' };

  before(async () => {
    server = createServer((request, response) => {
      seen.push(request);
      request.resume();
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });
  beforeEach(() => {
    seen = [];
    answer = { status: 200, body: '{"items":[]}' };
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serializes triggerFilter as the reference writes it: triggerFilter[0][type]=...', () => {
    const query = serializeQuery({
      triggerFilter: [{ type: 'webhook', key: '575ed78e7ae143cd83dc4aab' }],
      filter: 'my*flow',
    });
    expect(query).to.equal(
      '?triggerFilter[0][type]=webhook&triggerFilter[0][key]=575ed78e7ae143cd83dc4aab&filter=my%2Aflow',
    );
    expect(serializeQuery({})).to.equal('');
    expect(serializeQuery({ page: 0, includeCustomNodes: false, sortField: undefined })).to.equal(
      '?page=0&includeCustomNodes=false',
    );
  });

  it('sends the bearer token, JSON headers, the path of the action and the typed query', async () => {
    const client = new FlowsClient({ baseUrl, token: 'secret-token' });
    await client.getByVersion('575ec8687ae143cd83dc4a97', {
      version: 'v1',
      perPage: 10,
      sortDirection: 'desc',
    });
    expect(seen[0].method).to.equal('GET');
    expect(seen[0].url).to.equal(
      '/api/applications/575ec8687ae143cd83dc4a97/flows/version?version=v1&perPage=10&sortDirection=desc',
    );
    expect(seen[0].headers.authorization).to.equal('Bearer secret-token');
    expect(seen[0].headers.accept).to.equal('application/json');
  });

  it('posts JSON bodies with a Content-Type', async () => {
    answer = { status: 201, body: '{"id":"575ed18f7ae143cd83dc4aa6"}' };
    const client = new FlowsClient({ baseUrl, token: 't' });
    const flow = await client.post(
      '575ec8687ae143cd83dc4a97',
      { name: 'A flow' },
      { includeCustomNodes: true },
    );
    expect(flow.id).to.equal('575ed18f7ae143cd83dc4aa6');
    expect(seen[0].url).to.equal('/api/applications/575ec8687ae143cd83dc4a97/flows?includeCustomNodes=true');
    expect(seen[0].headers['content-type']).to.equal('application/json');
  });

  it('throws a FlowsApiError carrying the status and the Error body', async () => {
    answer = { status: 404, body: '{"type":"NotFound","message":"Application was not found"}' };
    const client = new FlowsClient({ baseUrl, token: 't' });
    const error = await client.import('575ec8687ae143cd83dc4a00', { flows: [] }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).to.be.instanceOf(FlowsApiError);
    expect(error).to.include({ status: 404, method: 'POST' });
    expect((error as FlowsApiError).body).to.deep.equal({
      type: 'NotFound',
      message: 'Application was not found',
    });
    expect((error as FlowsApiError).message).not.to.include('Bearer');
  });
});
