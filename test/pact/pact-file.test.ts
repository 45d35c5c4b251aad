import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ACTIONS } from '../../specs/catalog';
import { PACT_DUMMY_TOKEN, PROVIDER_STATES } from '../../specs/catalog/provider-states';
import { main } from '../../src/cli/main';
import { MOCK_USER } from '../../src/mock/defaults';
import { DEFAULT_CONSUMER, DEFAULT_PROVIDER, pactFileName } from '../../src/pact/consumer';
import { AUTH_REFUSALS, ALL_PACT_CASES } from '../../src/pact/interactions';
import { actionOf, readPactFile, type PactFile } from '../../src/pact/pact-file';
import { PACKAGE_ROOT } from '../../src/paths';
import { validatorFor } from '../../src/schemas/registry';
import { DATE_TIME_PATTERN } from '../../src/pact/date-time';

interface BodyRules {
  readonly response: { readonly matchingRules?: { readonly body?: Record<string, { matchers: unknown[] }> } };
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) => [key, ...stringsIn(child)]);
  return [];
}

describe('pacts command: the pact file', () => {
  let dir: string;
  let file: string;
  let pact: PactFile;
  let text: string;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'flows-pacts-'));
    process.exitCode = undefined;
    await main(['node', 'flows-conformance', 'pacts', '--pact-dir', dir]);
    expect(process.exitCode ?? 0).to.equal(0);
    file = path.join(dir, pactFileName({ consumer: DEFAULT_CONSUMER, provider: DEFAULT_PROVIDER }));
    text = readFileSync(file, 'utf8');
    pact = readPactFile(file);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is a V4 pact between the default consumer and provider, one interaction per case', () => {
    expect(pact.consumer.name).to.equal(DEFAULT_CONSUMER);
    expect(pact.provider.name).to.equal(DEFAULT_PROVIDER);
    expect(pact.metadata.pactSpecification.version).to.match(/^4\./);
    expect(pact.interactions.map((interaction) => interaction.description)).to.have.members(
      ALL_PACT_CASES.map((pactCase) => pactCase.description),
    );
  });

  for (const action of ACTIONS)
    it(`covers every status of ${action.id}, auth refusals included`, () => {
      const statuses = new Set(
        pact.interactions.filter((i) => actionOf(i) === action).map((i) => i.response.status),
      );
      const expected = [
        ...action.responses.map((response) => response.status),
        ...AUTH_REFUSALS.map((auth) => auth.status),
      ];
      expect([...statuses]).to.have.members(expected);
    });

  it('has every example body validate against the JSON Schema of its status', () => {
    for (const interaction of pact.interactions) {
      const pactCase = ALL_PACT_CASES.find((candidate) => candidate.description === interaction.description);
      const action = actionOf(interaction);
      const documented = action?.responses.find(
        (response) => response.status === interaction.response.status,
      );
      const schema = documented?.schema ?? 'error';
      expect(pactCase?.responseSchema, interaction.description).to.equal(schema);
      const violations = validatorFor(schema)(interaction.response.body?.content);
      expect(violations, `${interaction.description} against ${schema}`).to.deep.equal([]);
    }
  });

  it('matches dates with the RFC 3339 regex and ids with ASCII hex of either case, never by format or example', () => {
    const rules = pact.interactions.flatMap((interaction) =>
      Object.entries((interaction as unknown as BodyRules).response.matchingRules?.body ?? {}),
    );
    const datePaths = rules.filter(([where]) => /\.(creationDate|lastUpdated)$/.test(where));
    const idPaths = rules.filter(([where]) => /\.(id|applicationId|flowId)$/.test(where));
    expect(datePaths).to.not.have.length(0);
    expect(idPaths).to.not.have.length(0);
    for (const [where, rule] of datePaths)
      expect(rule.matchers, where).to.deep.equal([{ match: 'regex', regex: DATE_TIME_PATTERN }]);
    for (const [where, rule] of idPaths)
      expect(rule.matchers, where).to.deep.equal([{ match: 'regex', regex: '^[A-Fa-f0-9]{24}$' }]);
    expect(text).not.to.match(/"match": ?"(datetime|timestamp|equality)"/);
  });

  it('names only provider states of the catalog', () => {
    const known = PROVIDER_STATES.map((state) => state.name);
    for (const interaction of pact.interactions)
      for (const state of interaction.providerStates ?? [])
        expect(known, interaction.description).to.include(state.name);
  });

  it('carries no real token: every Authorization example is the dummy one', () => {
    for (const interaction of pact.interactions)
      expect(interaction.request.headers?.Authorization, interaction.description).to.deep.equal([
        `Bearer ${PACT_DUMMY_TOKEN}`,
      ]);
    expect(text).not.to.include(MOCK_USER.password);
    const bearers = text.match(/Bearer [^"\\]+/g) ?? [];
    expect(new Set(bearers)).to.deep.equal(new Set([`Bearer ${PACT_DUMMY_TOKEN}`]));
  });

  it('holds no absolute path of the machine', () => {
    for (const root of [PACKAGE_ROOT, os.tmpdir(), os.homedir(), dir]) expect(text).not.to.include(root);
    const absolute = stringsIn(pact).filter((value) => /^(\/|[A-Za-z]:\\)/.test(value));
    expect(absolute.filter((value) => !value.startsWith('/applications/'))).to.deep.equal([]);
  });
});
