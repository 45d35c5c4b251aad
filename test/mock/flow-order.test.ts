import { expect } from 'chai';
import fc from 'fast-check';
import { flowSortKey, sortItems } from '../../src/mock/collection';
import { storedFlow, type StoredFlow } from '../../src/mock/documents';
import { FlowOrder, type FlowSortField, type SortDirection } from '../../src/mock/flow-order';
import type { SortBehaviour } from '../../src/mock/behaviour';

const FIELDS: FlowSortField[] = ['name', 'id', 'creationDate', 'lastUpdated'];
const DIRECTIONS: SortDirection[] = ['asc', 'desc'];
const DECISION_5: SortBehaviour = { followsDirection: true, ties: 'idAscending' };

/** Few distinct names and dates, so that ties (broken by id) are common. */
const flowArbitrary = fc
  .record({
    id: fc.integer({ min: 0, max: 0xffff }),
    name: fc.constantFrom('Alpha', 'alpha', 'Beta', 'beta 2', ''),
    updated: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ id, name, updated }) =>
    storedFlow(
      {
        id: id.toString(16).padStart(24, '0'),
        name,
        creationDate: `2026-01-0${(id % 3) + 1}T00:00:00.000Z`,
        lastUpdated: `2026-02-0${updated + 1}T00:00:00.000Z`,
      },
      JSON.stringify,
    ),
  );

type Step = { put: StoredFlow } | { remove: number } | { read: [FlowSortField, SortDirection] };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: flowArbitrary.map((put) => ({ put })) },
  { weight: 1, arbitrary: fc.nat().map((remove) => ({ remove })) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...DIRECTIONS)).map((read) => ({ read })),
  },
);

/** Replays the steps on a map of flows kept as the store keeps them; the first read that differs. */
function firstDifference(steps: readonly Step[], makeOrder: (flows: Map<string, StoredFlow>) => FlowOrder) {
  const flows = new Map<string, StoredFlow>();
  const order = makeOrder(flows);
  for (const step of steps) {
    if ('put' in step) {
      if (flows.has(step.put.id)) order.invalidate();
      else order.noteAdded(step.put);
      flows.set(step.put.id, step.put);
    } else if ('remove' in step) {
      const ids = [...flows.keys()];
      if (ids.length === 0) continue;
      flows.delete(ids[step.remove % ids.length]);
      order.invalidate();
    } else {
      const [field, direction] = step.read;
      const expected = sortItems([...flows.values()], flowSortKey(field), direction, DECISION_5);
      const actual = order.sorted(field, direction);
      if (actual.map((flow) => flow.id).join() !== expected.map((flow) => flow.id).join())
        return {
          field,
          direction,
          expected: expected.map((flow) => flow.id),
          actual: actual.map((flow) => flow.id),
        };
    }
  }
  return undefined;
}

/** A deliberately broken index: it never hears of new flows. */
class DeafOrder extends FlowOrder {
  override noteAdded(): void {}
}

describe('mock: sort indexes kept on write (flow-order.ts)', () => {
  it('every read gives the order of decision 5 (as a per-Get sort), whatever the puts and removes before it', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 60 }), (steps) => {
        expect(firstDifference(steps, (flows) => new FlowOrder(() => flows.values()))).to.equal(undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('an index that misses the flows put after it was built is caught', () => {
    const [first, second] = ['1', '2'].map((suffix) =>
      storedFlow({ id: suffix.padStart(24, '0'), name: `n${suffix}` }, JSON.stringify),
    );
    const steps: Step[] = [
      { put: first },
      { read: ['name', 'asc'] },
      { put: second },
      { read: ['name', 'asc'] },
    ];
    const difference = firstDifference(steps, (flows) => new DeafOrder(() => flows.values()));
    expect(difference?.expected).to.deep.equal([first.id, second.id]);
    expect(difference?.actual).to.deep.equal([first.id]);
  });
});
