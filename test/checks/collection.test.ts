import { expect } from 'chai';
import type { CheckRef } from '../../src/checks';
import { exchange, request, run } from './support';

const item = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, ...extra });
const ALPHA = item('000000000000000000000002', 'fcx-d-alpha');
const BRAVO = item('000000000000000000000003', 'fcx-d-Bravo');

describe('checks: collectionEcho, itemSet, sortedBy, pageWindow, pagesPartition, customNodes', () => {
  it('collectionEcho compares the echoed fields, placeholders expanded', () => {
    const ref: CheckRef = { check: 'collectionEcho', expect: { filter: '{data}*', page: 0 } };
    expect(run(ref, exchange(200, { filter: 'fcx-d-*', page: 0 }))).to.deep.equal([]);
    expect(run(ref, exchange(200, { filter: 'fcx-d-*', page: 1 }))[0].text).to.include('page=1');
  });

  it('itemSet wants exactly the selected data-set items, naming what is missing or extra', () => {
    const ref: CheckRef = { check: 'itemSet', set: 'flows', where: {} };
    expect(run(ref, exchange(200, { items: [ALPHA, BRAVO] }))).to.deep.equal([]);
    const [failure] = run(
      ref,
      exchange(200, { items: [ALPHA, item('000000000000000000000001', 'fcx-d-custom')] }),
    );
    expect(failure.text).to.include('missing "fcx-d-Bravo"').and.include('unexpected "fcx-d-custom"');
    expect(
      run({ ...ref, mode: 'includes' }, exchange(200, { items: [ALPHA, BRAVO, item('ff', 'other')] })),
    ).to.deep.equal([]);
  });

  it('itemSet matches triggerFilter against the default version of a versioned flow', () => {
    const three = item('00000000000000000000000a', 'fcx-v-three');
    const where = (key: string) => ({ triggers: [{ type: 'webhook', key }] });
    const ref = (key: string): CheckRef => ({ check: 'itemSet', set: 'versionFlows', where: where(key) });
    expect(run(ref('default'), exchange(200, { items: [three] }))).to.deep.equal([]);
    expect(run(ref('own'), exchange(200, { items: [] }))).to.deep.equal([]);
    expect(run(ref('own'), exchange(200, { items: [three] }))[0].text).to.include('unexpected "fcx-v-three"');
  });

  it('sortedBy: loose accepts either collation; exact wants case-insensitive order with ids ascending on ties', () => {
    const loose: CheckRef = {
      check: 'sortedBy',
      set: 'flows',
      field: 'name',
      direction: 'asc',
      exact: false,
    };
    const exact: CheckRef = { ...loose, exact: true, decision: 'sorting' };
    const caseSensitive = { items: [item('2', 'B'), item('1', 'a')] };
    expect(run(loose, exchange(200, caseSensitive))).to.deep.equal([]);
    expect(run(exact, exchange(200, caseSensitive))).to.have.length(1);
    expect(
      run(exact, exchange(200, { items: [item('1', 'a'), item('3', 'b'), item('2', 'B')] }))[0].text,
    ).to.include('ties by id');
    expect(
      run(exact, exchange(200, { items: [item('1', 'a'), item('2', 'B'), item('3', 'b')] })),
    ).to.deep.equal([]);
    const desc: CheckRef = { ...loose, direction: 'desc' };
    expect(run(desc, exchange(200, { items: [item('1', 'a'), item('2', 'b')] }))[0].text).to.include(
      'ordered by name desc',
    );
  });

  it('pageWindow checks the counts of each page; pagesPartition finds repeats and skips', () => {
    const window: CheckRef = { check: 'pageWindow', perPage: 1, set: 'flows', where: {} };
    const page = (index: number, items: unknown[]) =>
      exchange(200, { items, count: items.length, totalCount: 2, page: index, perPage: 1 });
    expect(run(window, page(0, [ALPHA]), page(1, [BRAVO]), page(2, []))).to.deep.equal([]);
    expect(run(window, page(1, [ALPHA]))[0].text).to.include('0-based');
    const partition: CheckRef = { check: 'pagesPartition', set: 'flows', where: {} };
    const [failure] = run(partition, page(0, [ALPHA]), page(1, [ALPHA]));
    expect(failure.text).to.include('repeated "fcx-d-alpha"').and.include('skipped "fcx-d-Bravo"');
  });

  it('customNodes: present lists the referenced custom nodes; absent has no key', () => {
    expect(
      run(
        { check: 'customNodes', present: true },
        exchange(200, { items: [ALPHA], customNodes: [{ id: '000000000000000000000001' }] }),
      ),
    ).to.deep.equal([]);
    expect(
      run({ check: 'customNodes', present: true }, exchange(200, { items: [ALPHA], customNodes: [] }))[0]
        .text,
    ).to.include('lacks');
    const unreferenced = { id: '000000000000000000000009' };
    expect(
      run(
        { check: 'customNodes', present: true },
        exchange(200, { items: [BRAVO], customNodes: [unreferenced] }),
      )[0].text,
    ).to.include('which no returned item references');
    expect(
      run({ check: 'customNodes', present: false }, exchange(200, { items: [], customNodes: [] })),
    ).to.have.length(1);
  });

  it('customNodes on one created Workflow: the custom nodes its sent nodes reference', () => {
    const sent = {
      name: 'fcx-c-user',
      nodes: [{ id: 'n1', config: { flowId: '000000000000000000000001' } }],
    };
    const post = request({ method: 'POST', body: JSON.stringify(sent), query: 'includeCustomNodes=true' });
    const created = (customNodes: unknown[]) => exchange(201, { id: 'ff', ...sent, customNodes }, {}, post);
    const ref: CheckRef = { check: 'customNodes', present: true };
    expect(run(ref, created([{ id: '000000000000000000000001' }]))).to.deep.equal([]);
    expect(run(ref, created([]))[0].text).to.include('customNodes lacks "fcx-d-custom"');
    const plain = request({ method: 'POST', body: JSON.stringify({ name: 'x' }) });
    expect(run(ref, exchange(201, { id: 'ff', customNodes: [] }, {}, plain))).to.deep.equal([]);
  });
});

describe('checks: each failure names its rule, the pointer and the offending values', () => {
  const found = (ref: CheckRef, ...exchanges: Parameters<typeof run>[1][]) =>
    run(ref, ...exchanges).map(({ rule, pointer, mismatches }) => ({ rule, pointer, mismatches }));

  it('collectionEcho and pageWindow: each wrong field at its pointer, beside the value wanted', () => {
    expect(found({ check: 'collectionEcho', expect: { page: 0 } }, exchange(200, { page: 1 }))).to.deep.equal(
      [
        {
          rule: 'collectionEcho',
          pointer: '/page',
          mismatches: [{ pointer: '/page', actual: 1, expected: 0 }],
        },
      ],
    );
    const window: CheckRef = { check: 'pageWindow', perPage: 1, set: 'flows', where: {} };
    const [page] = found(
      window,
      exchange(200, { items: [ALPHA], count: 1, totalCount: 1, page: 0, perPage: 1 }),
    );
    expect(page).to.deep.equal({
      rule: 'pageWindow',
      pointer: '/totalCount',
      mismatches: [{ pointer: '/totalCount', actual: 1, expected: 2 }],
    });
  });

  it('itemSet and sortedBy: the items, and the first misplaced id', () => {
    const [set] = found({ check: 'itemSet', set: 'flows', where: {} }, exchange(200, { items: [ALPHA] }));
    expect(set.mismatches).to.deep.equal([
      { pointer: '/items', actual: [ALPHA.id], expected: [ALPHA.id, BRAVO.id] },
    ]);
    const exact: CheckRef = {
      check: 'sortedBy',
      set: 'flows',
      field: 'name',
      direction: 'asc',
      exact: true,
      decision: 'sorting',
    };
    const [order] = found(exact, exchange(200, { items: [item('2', 'b'), item('1', 'a')] }));
    expect(order).to.deep.equal({
      rule: 'sortedBy',
      pointer: '/items/0/id',
      mismatches: [{ pointer: '/items/0/id', actual: '2', expected: '1' }],
    });
  });

  it('schema: each violation at ajv’s instancePath with the value found there', () => {
    const [failure] = found({ check: 'schema', schema: 'workflow' }, exchange(200, { id: 1234, name: 'x' }));
    expect(failure.rule).to.equal('schema');
    expect(failure.mismatches).to.deep.include({ pointer: '/id', actual: 1234 });
  });
});
