import { expect } from 'chai';
import { ALL_CASES } from '../../specs/cases';
import { applyExpectations, parseExpectations } from '../../src/engine/expectations';
import type { CaseResult } from '../../src/engine/results';
import { everyCaseSkipped, exitCodeOf, summarize } from '../../src/engine/runner';
import { needsOf } from '../../src/engine/needs';
import { grepFilter, mapConcurrent, selectCases, shardOf } from '../../src/engine/selection';

const result = (id: string, outcome: CaseResult['outcome']): CaseResult => ({
  id,
  action: 'flows.get',
  aspect: 'query',
  level: 'MUST',
  covers: [],
  outcome,
  failures: [],
  durationMs: 1,
});

describe('engine: selection, shards and expectations', () => {
  it('shards are deterministic, disjoint and complete', () => {
    for (const count of [1, 2, 3, 7]) {
      const shards = Array.from({ length: count }, (_, index) =>
        shardOf(ALL_CASES, { index: index + 1, count }).map((c) => c.id),
      );
      const again = Array.from({ length: count }, (_, index) =>
        shardOf([...ALL_CASES].reverse(), { index: index + 1, count }).map((c) => c.id),
      );
      expect(shards.map((ids) => [...ids].sort())).to.deep.equal(again.map((ids) => [...ids].sort()));
      const all = shards.flat();
      expect(all).to.have.length(ALL_CASES.length);
      expect(new Set(all).size).to.equal(ALL_CASES.length);
      const sizes = shards.map((ids) => ids.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).to.be.at.most(1);
    }
  });

  it('--grep is a case-insensitive regular expression on the id, or a substring', () => {
    expect(
      grepFilter('sortdirection=desc')({
        id: 'GET flows: sortField=name&sortDirection=desc orders the items',
      }),
    ).to.equal(true);
    expect(grepFilter('^POST')({ id: 'GET flows: x' })).to.equal(false);
    expect(grepFilter('a token (of')({ id: 'GET flows: a token (of x' })).to.equal(true);
    expect(
      selectCases(ALL_CASES, { grep: '^GET flows/version:' })
        .filter((c) => c.setup === undefined)
        .every((c) => c.action === 'flows.getByVersion'),
    ).to.equal(true);
  });

  it('--grep names a case by its whole key too; a part of a key selects nothing the sentences do not', () => {
    const [one, other] = ALL_CASES.filter((item) => item.aspect === 'query');
    const ids = (grep: string) =>
      selectCases(ALL_CASES, { grep })
        .filter((c) => !c.setup)
        .map((c) => c.id);
    expect(ids(one.key)).to.deep.equal([one.id]);
    expect(ids(one.key.toUpperCase())).to.deep.equal([one.id]);
    expect(ids(`${one.key}|${other.key}`).sort()).to.deep.equal([one.id, other.id].sort());
    expect(ids('get-by-version-auth-.*').length).to.equal(
      ALL_CASES.filter((item) => item.action === 'flows.getByVersion' && item.aspect === 'auth').length,
    );
    // Not a whole key: `-query-` is in every query case's key but in no sentence.
    expect(ids('-query-')).to.deep.equal([]);
    expect(grepFilter('get-query-(')({ id: 'x', key: 'get-query-(' })).to.equal(true);
  });

  it('a shard holds a case by its key: rewording every sentence moves no case to another shard', () => {
    const reworded = ALL_CASES.map((item) => ({
      ...item,
      id: `reworded ${item.key.split('').reverse().join('')}`,
    }));
    for (const index of [1, 2, 3])
      expect(shardOf(reworded, { index, count: 3 }).map((item) => item.key)).to.deep.equal(
        shardOf(ALL_CASES, { index, count: 3 }).map((item) => item.key),
      );
  });

  it('expectations name a case by its key or by its sentence; a stale entry is shown as written', () => {
    const keyed = (id: string, key: string, outcome: CaseResult['outcome']): CaseResult => ({
      ...result(id, outcome),
      key,
    });
    const expectations = parseExpectations(
      {
        expectedFailures: {
          'get-query-aaaaaa': 'by key',
          'GET flows: b': 'by sentence',
          'get-query-cccccc': 'fixed since',
          'get-query-dddddd': 'no such case',
        },
      },
      'x.json',
    );
    const applied = applyExpectations(
      [
        keyed('GET flows: a', 'get-query-aaaaaa', 'failed'),
        keyed('GET flows: b', 'get-query-bbbbbb', 'warning'),
        keyed('GET flows: c', 'get-query-cccccc', 'passed'),
      ],
      expectations,
      new Set(['GET flows: a', 'get-query-aaaaaa', 'GET flows: b', 'get-query-bbbbbb', 'get-query-cccccc']),
    );
    expect(applied.results.map((item) => item.expectedFailure)).to.deep.equal([true, true, undefined]);
    expect(applied.stale).to.deep.equal([
      'get-query-dddddd: names no case',
      'get-query-cccccc: expected to fail, passed',
    ]);
  });

  it('expectations: listed failures are expected, a listed pass or an unknown id is stale', () => {
    const expectations = parseExpectations(
      { expectedFailures: { a: 'known', b: 'fixed since', ghost: 'no such case' } },
      'x.json',
    );
    const applied = applyExpectations(
      [result('a', 'failed'), result('b', 'passed'), result('c', 'failed')],
      expectations,
      new Set(['a', 'b', 'c']),
    );
    expect(applied.results[0].expectedFailure).to.equal(true);
    expect(applied.stale).to.deep.equal(['ghost: names no case', 'b: expected to fail, passed']);
    const fields = {
      durationMs: 1,
      target: 't',
      strict: false,
      startedAt: '',
      staleExpectations: applied.stale,
    };
    const summary = summarize(applied.results, fields);
    expect(summary).to.include({ failed: 1, expectedFailures: 1, passed: 1 });
    expect(exitCodeOf({ summary, results: applied.results })).to.equal(1);
    const onlyExpected = applyExpectations(
      [result('a', 'failed')],
      parseExpectations({ expectedFailures: { a: 'known' } }, 'x'),
      new Set(['a', 'b']),
    );
    expect(
      exitCodeOf({
        summary: summarize(onlyExpected.results, { ...fields, staleExpectations: [] }),
        results: [],
      }),
    ).to.equal(0);
  });

  it('--grep keeps the set-up case of every piece of the data set the chosen cases need, and no other', () => {
    const selected = selectCases(ALL_CASES, { grep: '^GET flows:' });
    const setUps = selected.filter((item) => item.setup !== undefined);
    const chosen = selected.filter((item) => item.setup === undefined);
    expect(chosen.every((item) => item.id.startsWith('GET flows:'))).to.equal(true);
    const needed = new Set(chosen.flatMap((item) => needsOf(item)));
    expect(needed.has('posted')).to.equal(true);
    expect(setUps.map((item) => item.setup).sort()).to.deep.equal([...needed].sort());
    // A case that needs nothing of the data set brings no set-up with it.
    const needsNothing = ALL_CASES.find((item) => !item.setup && needsOf(item).length === 0)!;
    const exactly = `^${needsNothing.id.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}$`;
    expect(selectCases(ALL_CASES, { grep: exactly }).map((item) => item.id)).to.deep.equal([needsNothing.id]);
    // The shards of such a selection still hold each of its cases once.
    const sharded = [1, 2, 3].flatMap((index) =>
      selectCases(ALL_CASES, { grep: '^GET flows:', shard: { index, count: 3 } }).map((item) => item.id),
    );
    expect(sharded.sort()).to.deep.equal(selected.map((item) => item.id).sort());
  });

  it('a run whose every case was skipped says why and is not a success; one that ran a case is judged as usual', () => {
    const skipped = (id: string, skipReason: string): CaseResult => ({
      ...result(id, 'skipped'),
      skipReason,
    });
    const fields = { durationMs: 1, target: 't', strict: false, startedAt: '', staleExpectations: [] };
    const allSkipped = [
      skipped('a', 'needs data whose set-up did not succeed: x'),
      skipped('b', 'no other application'),
    ];
    const reason = everyCaseSkipped({ summary: summarize(allSkipped, fields), results: allSkipped });
    expect(reason).to.match(
      /every selected case \(2\) was skipped.*set-up did not succeed: x; no other application/,
    );
    // A set-up case --grep brought in that passed does not make the run tell something.
    const withSetUp = [...allSkipped, { ...result('s', 'passed'), aspect: 'setup' as const }];
    expect(everyCaseSkipped({ summary: summarize(withSetUp, fields), results: withSetUp })).to.equal(reason);
    const oneRan = [...allSkipped, result('c', 'passed')];
    expect(everyCaseSkipped({ summary: summarize(oneRan, fields), results: oneRan })).to.equal(undefined);
    expect(everyCaseSkipped({ summary: summarize([], fields), results: [] })).to.equal(undefined);
  });

  it('a malformed expectations file is a usage error', () => {
    expect(() => parseExpectations({ expectedFailures: ['a'] }, 'x.json')).to.throw(/expectedFailures/);
  });

  it('mapConcurrent keeps order and bounds the work in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    // Each item runs until the test releases it, so the work ends in an order other than the input's.
    const started: number[] = [];
    const finish = new Map<number, () => void>();
    const out = mapConcurrent([5, 1, 3, 2, 4], 2, async (n) => {
      peak = Math.max(peak, ++inFlight);
      started.push(n);
      await new Promise<void>((resolve) => finish.set(n, resolve));
      inFlight--;
      return n * 10;
    });
    // Release the items in an order of our choosing, each as soon as it has started.
    for (const n of [1, 5, 2, 3, 4]) {
      for (let turn = 0; !finish.has(n) && turn < 1000; turn++)
        await new Promise((resolve) => setImmediate(resolve));
      finish.get(n)?.();
    }
    expect(await out).to.deep.equal([50, 10, 30, 20, 40]);
    expect(peak).to.equal(2);
    expect(started).to.have.length(5);
  });
});
