/** Cloud flows of a realistic size (~0.9 KB each: 25 make a ~22 KB page). */
export function benchSeed(count: number) {
  const flows = Array.from({ length: count }, (_, index) => ({
    name: `Bench flow ${String(index).padStart(2, '0')}`,
    description: `A flow of the throughput benchmark, number ${index}, with a few triggers and nodes.`,
    enabled: index % 2 === 0,
    triggers: [
      {
        type: 'webhook',
        key: `5b00000000000000000000${String(index).padStart(2, '0')}`,
        config: {},
        meta: { x: 20, y: 20 },
      },
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
  }));
  return { flows, flowVersions: [] };
}
