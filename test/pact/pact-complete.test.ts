import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { DEFAULT_CONSUMER, DEFAULT_PROVIDER, pactFileName, writePacts } from '../../src/pact/consumer';
import { ALL_PACT_CASES } from '../../src/pact/interactions';
import { missingInteractions, readPactFile } from '../../src/pact/pact-file';
import { runMain } from '../support/in-process-cli';

const names = { consumer: DEFAULT_CONSUMER, provider: DEFAULT_PROVIDER };

/** A pact is whole or not there; verify refuses this project's pact when it lacks interactions. */
describe('pacts: complete or refused', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'fc-pact-complete-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a pact run with a failing interaction writes no file, and leaves no scratch folder', async () => {
    const pactDir = path.join(dir, 'failing');
    const success = ALL_PACT_CASES.filter((pactCase) => pactCase.status === 200).slice(0, 3);
    // A success body answered as a 404: the client reads an Error without a type, and the case fails.
    const broken = { ...success[0], status: 404 };
    const result = await writePacts({ ...names, pactDir, cases: [broken, ...success.slice(1)] });
    expect(result.failures).to.have.length.above(0);
    expect(existsSync(path.join(pactDir, pactFileName(names)))).to.equal(false);
    expect(readdirSync(pactDir)).to.deep.equal([]);
  });

  describe('verify and a pact that lacks an action', () => {
    let pactDir: string;
    before(async () => {
      pactDir = path.join(dir, 'partial');
      const written = await writePacts({ ...names, pactDir, cases: ALL_PACT_CASES });
      expect(written.failures).to.deep.equal([]);
      const file = path.join(pactDir, pactFileName(names));
      const pact = readPactFile(file) as unknown as { interactions: { description: string }[] };
      pact.interactions = pact.interactions.filter(
        (interaction) => !interaction.description.startsWith('flows.getByVersion'),
      );
      writeFileSync(file, JSON.stringify(pact));
    });

    it('is refused with one line naming what is missing, exit 2', async () => {
      const result = await runMain(['verify', '--pact-dir', pactDir, '--report-dir', path.join(dir, 'r1')]);
      expect(result.code, result.stderr).to.equal(2);
      expect(result.stderr.trim().split('\n')).to.have.length(1);
      expect(result.stderr).to.match(
        /lacks \d+ of the \d+ interactions the catalog implies \(first: "flows\.getByVersion/,
      );
      expect(result.stderr).to.include('--allow-partial-pact');
    });

    it('is verified with --allow-partial-pact, and says how many interactions it verified', async () => {
      const result = await runMain([
        'verify',
        '--pact-dir',
        pactDir,
        '--allow-partial-pact',
        '--report-dir',
        path.join(dir, 'r2'),
      ]);
      expect(result.code, result.stderr).to.equal(0);
      const kept = ALL_PACT_CASES.filter((c) => !c.description.startsWith('flows.getByVersion')).length;
      expect(result.stdout).to.include(`passed: ${kept} interactions`);
    });
  });

  it('another consumer’s pact, which holds none of this project’s interactions, lacks nothing', () => {
    const pact = {
      consumer: { name: 'someone' },
      provider: { name: DEFAULT_PROVIDER },
      interactions: [{ description: 'a flow list for the dashboard', request: {}, response: {} }],
      metadata: { pactSpecification: { version: '4.0' } },
    } as unknown as Parameters<typeof missingInteractions>[0];
    expect(missingInteractions(pact, ['flows.get: 200'])).to.deep.equal([]);
  });
});
