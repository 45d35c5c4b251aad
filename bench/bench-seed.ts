/** Cloud flows of a realistic size (~0.9 KB each: 25 make a ~22 KB page). */
export function benchSeed(count: number) {
  return { flows: Array.from({ length: count }, (_, index) => benchFlow(index)), flowVersions: [] };
}

/** A name in no particular order (a sort has work to do), from a multiplicative hash of the index. */
const scrambledName = (index: number): string =>
  `Flow ${((index * 2654435761) % 4294967296).toString(36).padStart(7, '0')} ${index}`;

/** The webhook key of flow `index`: what a triggerFilter for exactly that flow names. */
export const webhookKeyOf = (index: number): string => `hook-${index}`;

/** Flow `index` of a bench application; `scrambled` gives names in no order (the scale bench). */
export function benchFlow(index: number, scrambled = false) {
  return {
    name: scrambled ? scrambledName(index) : `Bench flow ${String(index).padStart(2, '0')}`,
    description: `A flow of the throughput benchmark, number ${index}, with a few triggers and nodes.`,
    enabled: index % 2 === 0,
    triggers: [
      { type: 'webhook', key: webhookKeyOf(index), config: {}, meta: { x: 20, y: 20 } },
      { type: 'timer', config: { seconds: 60 }, meta: { x: 220, y: 20 } },
    ],
    nodes: [
      {
        id: `n${index}a`,
        type: 'DebugNode',
        config: { message: 'payload {{data}}' },
        meta: { x: 40, y: 140 },
      },
      {
        id: `n${index}b`,
        type: 'MathNode',
        config: { statements: [{ expression: '{{data.a}} + 1', resultPath: 'data.b' }] },
      },
      {
        id: `n${index}c`,
        type: 'ConditionalNode',
        config: { expression: '{{data.b}} > 10' },
        outputIds: [[`n${index}a`], []],
      },
    ],
    globals: [{ key: 'threshold', json: '10' }],
  };
}

/** Flows `from` to `from + count - 1` of the scale bench, as one Import body (at most 1000 flows). */
export const scaleBundle = (from: number, count: number) => ({
  flows: Array.from({ length: count }, (_, offset) => benchFlow(from + offset, true)),
});
