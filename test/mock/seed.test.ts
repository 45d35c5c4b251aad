import { expect } from 'chai';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMockServer, readSeedFile, SeedError } from '../../src/mock';
import { APP, FLOWS, exampleSeed, startMock } from './helpers';

const refusal = async (seed: unknown): Promise<string> => {
  try {
    await createMockServer({ seed });
  } catch (error) {
    expect(error).to.be.instanceOf(SeedError);
    return (error as Error).message;
  }
  throw new Error('seed was accepted');
};

describe('mock: seeds (docs/mock.md)', () => {
  it('the example seed loads with its own ids and dates', async () => {
    const t = await startMock({ seed: exampleSeed() });
    try {
      const response = await t.get(`${FLOWS}?sortField=id&perPage=1`);
      expect(response.body.items[0]).to.include({
        id: '5a0000000000000000000001',
        creationDate: '2020-01-01T00:00:00.000Z',
      });
    } finally {
      await t.close();
    }
  });

  it('a bare Import bundle seeds the main application', async () => {
    const t = await startMock({ seed: { flows: [{ name: 'bare' }] } });
    try {
      expect((await t.get(FLOWS)).body.items.map((flow: { name: string }) => flow.name)).to.deep.equal([
        'bare',
      ]);
    } finally {
      await t.close();
    }
  });

  it('a seed may add applications', async () => {
    const other = '5f0000000000000000000001';
    const t = await startMock({ seed: { applications: { [other]: { flows: [{ name: 'x' }] } } } });
    try {
      expect((await t.get(`/applications/${other}/flows`)).body.totalCount).to.equal(1);
      expect((await t.get(`/applications/${APP}/flows`)).body.totalCount).to.equal(0);
    } finally {
      await t.close();
    }
  });

  for (const [name, seed, message] of [
    ['not an object', [], 'JSON object'],
    ['a bad application id', { applications: { nope: {} } }, 'nope'],
    ['an invalid flow', { flows: [{ name: '' }] }, '/flows/0/name'],
    [
      'a version of no flow',
      { flows: [], flowVersions: [{ version: 'v', flowId: '5a0000000000000000000001' }] },
      'flowId',
    ],
    ['a stray key', { applications: {}, extra: 1 }, 'extra'],
  ] as const) {
    it(`a seed with ${name} is refused with a message naming the problem`, async () => {
      expect(await refusal(seed)).to.include(message);
    });
  }

  it('readSeedFile names an unreadable or non-JSON file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, '{nope');
    expect(() => readSeedFile(file)).to.throw(SeedError, 'not valid JSON');
    expect(() => readSeedFile(path.join(dir, 'missing.json'))).to.throw(SeedError, 'ENOENT');
  });
});
