import { expect } from 'chai';
import type { HttpRequest, HttpResponse, Transport } from '../../src/http/transport';
import { recordingTransport, removeRunFlows, RunFlows } from '../../src/target/run-flows';

const APP = '575ec8687ae143cd83dc4a97';
const OURS = '5d0000000000000000000001';
const RENAMED = '5d0000000000000000000002';
const THEIRS = '5d0000000000000000000003';

const answer = (status: number, value: unknown): HttpResponse => ({
  status,
  headers: {},
  bodyText: JSON.stringify(value),
  json: { ok: true, value },
  durationMs: 1,
});

/** A target whose listing ignores the filter: it lists every flow, the run's and everyone else's. */
function fakeTarget(items: { id: string; name: string }[]) {
  const sent: HttpRequest[] = [];
  const transport: Transport = {
    baseUrl: 'http://127.0.0.1:9',
    close: () => Promise.resolve(),
    send(request) {
      sent.push(request);
      if (request.method === 'GET') return Promise.resolve(answer(200, { items, count: items.length }));
      return Promise.resolve(answer(200, { success: true }));
    },
  };
  return { transport, deleted: () => sent.filter((r) => r.method === 'DELETE').map((r) => r.path) };
}

describe('target: the flows a run made (RunFlows)', () => {
  it('records the ids of successful Posts and Imports, and nothing of refusals or other routes', () => {
    const flows = new RunFlows();
    const post = { method: 'POST', path: `/applications/${APP}/flows`, headers: {} } as const;
    const importing = { ...post, path: `/applications/${APP}/flows/import` };
    flows.recordAnswer(post, answer(201, { id: OURS }));
    flows.recordAnswer(importing, answer(201, { flows: [{ id: RENAMED }, { id: '..' }] }));
    flows.recordAnswer(post, answer(400, { id: THEIRS }));
    flows.recordAnswer({ ...post, method: 'GET' }, answer(200, { id: THEIRS }));
    expect(flows.ids(APP)).to.deep.equal([OURS, RENAMED]);
  });

  it('never records an id that is not a well-formed flow id (`..`, `.`, a path)', () => {
    const flows = new RunFlows();
    for (const id of ['..', '.', `${OURS}/..`, '', 42, OURS.slice(1)]) flows.record(APP, id);
    expect(flows.size).to.equal(0);
  });

  it('deletes only the run’s ids that a read still shows under the prefix; lists the rest', async () => {
    const target = fakeTarget([
      { id: OURS, name: 'fcab12cd-d-one' },
      { id: RENAMED, name: 'renamed since' },
      { id: THEIRS, name: 'fcab12cd-d-not the run’s' },
    ]);
    const flows = new RunFlows();
    flows.record(APP, OURS);
    flows.record(APP, RENAMED);
    const outcome = await removeRunFlows({
      transport: target.transport,
      flows,
      prefix: 'fcab12cd-',
      tokenFor: () => Promise.resolve('token'),
    });
    expect(target.deleted()).to.deep.equal([`/applications/${APP}/flows/${OURS}`]);
    expect(outcome.removed).to.equal(1);
    expect(outcome.left.map((flow) => flow.id)).to.deep.equal([RENAMED]);
  });

  it('a recording transport records what passes through it', async () => {
    const flows = new RunFlows();
    const inner = fakeTarget([]).transport;
    const transport = recordingTransport(
      { ...inner, send: () => Promise.resolve(answer(201, { id: OURS })) },
      flows,
    );
    await transport.send({ method: 'POST', path: `/applications/${APP}/flows`, headers: {} });
    expect(flows.ids(APP)).to.deep.equal([OURS]);
  });

  it('sends nothing past its deadline and lists what it left', async () => {
    const target = fakeTarget([{ id: OURS, name: 'fcab12cd-x' }]);
    const flows = new RunFlows();
    flows.record(APP, OURS);
    const outcome = await removeRunFlows({
      transport: target.transport,
      flows,
      prefix: 'fcab12cd-',
      tokenFor: () => Promise.resolve('token'),
      deadlineMs: 0,
    });
    expect(target.deleted()).to.deep.equal([]);
    expect(outcome.left).to.have.length(1);
  });
});
