import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { PactV4 } from '@pact-foundation/pact';
import { actionById, type ActionId } from '../specs/catalog';
import {
  DEFAULT_CONSUMER,
  DEFAULT_PACT_DIR,
  DEFAULT_PROVIDER,
  outcomeProblems,
  pactFileName,
  runPactCase,
} from '../src/pact/consumer';
import { pactCasesFor } from '../src/pact/interactions';

/**
 * The consumer pact tests: one interaction per test, each driven through the typed client against
 * the Pact mock server. They write pacts/<consumer>-<provider>.json like `flows-conformance pacts`
 * does (names from FLOWS_PACT_CONSUMER / FLOWS_PACT_PROVIDER, default the documented ones).
 */
const names = {
  consumer: process.env.FLOWS_PACT_CONSUMER ?? DEFAULT_CONSUMER,
  provider: process.env.FLOWS_PACT_PROVIDER ?? DEFAULT_PROVIDER,
};
const pactDir = path.resolve(process.env.FLOWS_PACT_DIR ?? DEFAULT_PACT_DIR);

// Interactions merge into the file; start from an empty one once per mocha process.
rmSync(path.join(pactDir, pactFileName(names)), { force: true });

export function describeConsumerPact(actionId: ActionId): void {
  const action = actionById(actionId);
  describe(`consumer pact: ${action.name} (${action.id})`, () => {
    const pact = new PactV4({ ...names, dir: pactDir, logLevel: 'error' });
    for (const pactCase of pactCasesFor(action))
      it(pactCase.description, async () => {
        const outcome = await runPactCase(pact, pactCase);
        expect(outcomeProblems(pactCase, outcome)).to.deep.equal([]);
      });
  });
}
