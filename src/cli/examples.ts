import type { Command } from 'commander';

/**
 * Examples shown at the end of each command's `--help`: the common calls, runnable as written against the
 * embedded mock or with the placeholders a user fills in (test/cli/help-examples.test.ts holds every flag
 * to the command's options).
 */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  run: [
    'flows-conformance run',
    'flows-conformance run --target https://api.losant.com --application-id 5f0c0c0c0c0c0c0c0c0c0c0c --strict',
    "flows-conformance run --grep 'sortDirection' --max-skipped 0 --report-dir reports",
  ],
  merge: ['flows-conformance merge shard-1/conformance.json shard-2/conformance.json --report-dir reports'],
  mock: [
    'flows-conformance mock --port 4010 --admin-token a-long-admin-token-of-yours',
    'flows-conformance mock --list-faults',
    'flows-conformance mock --fault error-body-as-text',
  ],
  pacts: ['flows-conformance pacts', 'flows-conformance pacts --pact-dir pacts --consumer my-dashboard'],
  verify: [
    'flows-conformance verify',
    'flows-conformance verify --target https://api.losant.com --application-id 5f0c0c0c0c0c0c0c0c0c0c0c',
    'flows-conformance verify --broker-url https://broker.example.com --publish-results --provider-version 1.2.3',
  ],
  publish: [
    'flows-conformance publish --broker-url https://broker.example.com --consumer-version 1.2.3 --branch main',
  ],
  'can-i-deploy': [
    'flows-conformance can-i-deploy --broker-url https://broker.example.com --pacticipant losant-flows-api --version 1.2.3',
  ],
  openapi: ['flows-conformance openapi --out flows.openapi.yaml --format yaml'],
  compare: ['flows-conformance compare mock/conformance.json staging/conformance.json --names mock,staging'],
  proxy: ['flows-conformance proxy --target https://api.losant.com --port 8080 --errors'],
  fuzz: ['flows-conformance fuzz --runs 50', 'flows-conformance fuzz --duration 60 --seed 42'],
  explore: ['flows-conformance explore', 'flows-conformance explore --runs 500 --steps 40 --seed 7'],
};

/** Adds its examples to the end of a command's help. */
export function withExamples(command: Command): void {
  const examples = EXAMPLES[command.name()];
  if (examples)
    command.addHelpText('after', `\nExamples:\n${examples.map((line) => `  $ ${line}`).join('\n')}`);
}
