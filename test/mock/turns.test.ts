import { expect } from 'chai';
import { filterInTurns } from '../../src/mock/turns';

/** A test of an item that costs about `ms` of the event loop. */
const costly =
  (ms: number) =>
  (item: number): boolean => {
    const until = performance.now() + ms;
    while (performance.now() < until);
    return item % 3 === 0;
  };

describe('mock: a filter over many flows gives the event loop back (issue 20)', () => {
  it('keeps what the filter keeps, in order', async () => {
    const items = Array.from({ length: 5000 }, (_, index) => index);
    expect(await filterInTurns(items, (item) => item % 3 === 0)).to.deep.equal(
      items.filter((item) => item % 3 === 0),
    );
  });

  it('lets another callback run while a long filter is under way', async () => {
    // 600 items of 0.1 ms: ~60 ms of work, several times the budget of one turn.
    const items = Array.from({ length: 600 }, (_, index) => index);
    let tested = 0;
    let testedWhenOtherRan: number | undefined;
    setImmediate(() => {
      testedWhenOtherRan = tested;
    });
    const test = costly(0.1);
    const kept = await filterInTurns(items, (item) => {
      tested += 1;
      return test(item);
    });
    expect(kept).to.have.length(200);
    // It ran after about one turn's budget of items, long before the last.
    expect(testedWhenOtherRan).to.be.above(0).and.below(items.length);
  });

  it('a filter that never yields would be caught: the same work done in one go keeps the other out', async () => {
    const items = Array.from({ length: 600 }, (_, index) => index);
    let otherRan = false;
    setImmediate(() => {
      otherRan = true;
    });
    items.filter(costly(0.1));
    expect(otherRan).to.equal(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(otherRan).to.equal(true);
  });
});
