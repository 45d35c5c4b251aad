import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { PactV4 } from '@pact-foundation/pact';
import { actionById, type ActionId } from '../specs/catalog';
import {
  DEFAULT_CONSUMER,
  DEFAULT_PROVIDER,
  outcomeProblems,
  pactFileName,
  runPactCase,
} from '../src/pact/consumer';
import { pactCasesFor } from '../src/pact/interactions';

/**
 * The consumer pact tests: one interaction per test, each driven through the typed client against
 * the Pact mock server (names from FLOWS_PACT_CONSUMER / FLOWS_PACT_PROVIDER, default the documented
 * ones). Each mocha process writes into a folder of its own (FLOWS_PACT_DIR to choose one): the action
 * files run side by side, and a shared file would be emptied by one under another's interactions.
 * `flows-conformance pacts` writes the whole pact.
 */
const names = {
  consumer: process.env.FLOWS_PACT_CONSUMER ?? DEFAULT_CONSUMER,
  provider: process.env.FLOWS_PACT_PROVIDER ?? DEFAULT_PROVIDER,
};
const ownDir = process.env.FLOWS_PACT_DIR === undefined;
const pactDir = ownDir
  ? mkdtempSync(path.join(os.tmpdir(), 'fc-contracts-'))
  : path.resolve(process.env.FLOWS_PACT_DIR as string);
if (ownDir) process.once('exit', () => rmSync(pactDir, { recursive: true, force: true }));
else rmSync(path.join(pactDir, pactFileName(names)), { force: true });

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
