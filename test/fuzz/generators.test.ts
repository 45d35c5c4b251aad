import { expect } from 'chai';
import fc from 'fast-check';
import { actionById } from '../../specs/catalog';
import { validValues } from '../../src/fuzz/schema-arbitrary';
import { brokenValues } from '../../src/fuzz/schema-breakers';
import { brokenQuery, decodeQuery, encodeQuery, validQuery } from '../../src/fuzz/query';
import { linkedBundle } from '../../src/fuzz/own-data';
import { globMatches } from '../../src/model/resource/glob';
import { validatorFor } from '../../src/schemas/registry';
import { MAX_GENERATED_NESTING, unicodeString } from '../../src/fuzz/unicode';

/**
 * The generators of `flows-conformance fuzz`, from the schemas and the catalog alone: what they make is
 * valid (or breaks exactly the rule it names), and they reach the whole range the schemas allow.
 */

const SAMPLES = 150;
const depth = (value: unknown): number =>
  typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)])
      : [];

describe('fuzz: generators from the schemas and the catalog', function () {
  it('a string drawn at its maxLength shrinks in length too, to the shortest that still fails', () => {
    const caret = fc.check(
      fc.property(unicodeString(0, 80), (text) => !text.includes('^')),
      {
        seed: 5,
        numRuns: 2000,
      },
    );
    expect(caret.counterexample).to.deep.equal(['^']);
    const long = fc.check(
      fc.property(unicodeString(0, 300), (text) => [...text].length < 100),
      {
        seed: 5,
        numRuns: 2000,
      },
    );
    expect([...String(long.counterexample?.[0])]).to.have.length(100);
  });

  this.timeout(120_000);
  const posts = fc.sample(validValues('workflowPost'), { seed: 1, numRuns: SAMPLES });

  it('Workflow Post bodies are valid against their schema', () => {
    for (const body of posts)
      expect(validatorFor('workflowPost')(body), JSON.stringify(body)).to.deep.equal([]);
  });

  it('reach the range: emoji, names of exactly maxLength, optional keys left out, deep nesting', () => {
    const names = posts.map((body) => [...(body as { name: string }).name].length);
    expect(names).to.include(255);
    expect(posts.flatMap(strings).some((text) => /\p{Extended_Pictographic}/u.test(text))).to.equal(true);
    for (const key of ['description', 'triggers', 'nodes', 'flowClass'])
      expect(
        posts.some((body) => !(key in (body as object))),
        `${key} left out`,
      ).to.equal(true);
    const configs = fc
      .sample(validValues('workflowPost'), { seed: 2, numRuns: 600 })
      .flatMap((body) =>
        ((body as { nodes?: { config?: unknown }[] }).nodes ?? []).map((node) => depth(node.config)),
      );
    expect(Math.max(...configs))
      .to.be.at.least(20)
      .and.at.most(MAX_GENERATED_NESTING);
  });

  it('linked Import bundles are valid and their references coherent', () => {
    const bundles = fc
      .sample(validValues('workflowImport'), { seed: 3, numRuns: 60 })
      .map((bundle) => linkedBundle('fcfixture-', bundle));
    for (const bundle of bundles) expect(validatorFor('workflowImport')(bundle)).to.deep.equal([]);
    const versioned = bundles.flatMap(
      (bundle) => (bundle as { flowVersions?: { flowId: string }[] }).flowVersions ?? [],
    );
    const flowIds = new Set(
      bundles.flatMap((bundle) =>
        ((bundle as { flows?: { id: string }[] }).flows ?? []).map((flow) => flow.id),
      ),
    );
    expect(versioned.length).to.be.above(0);
    for (const version of versioned) expect(flowIds.has(version.flowId)).to.equal(true);
  });

  for (const name of ['workflowPost', 'workflowImport', 'workflowTriggerFilter'] as const) {
    it(`${name}: every broken value is refused by the schema, and each kind of rule is broken`, () => {
      const broken = fc.sample(brokenValues(name), { seed: 4, numRuns: SAMPLES });
      for (const item of broken)
        expect(validatorFor(name)(item.value), JSON.stringify(item)).not.to.deep.equal([]);
      const rules = new Set(broken.map((item) => item.rule));
      const expected =
        name === 'workflowTriggerFilter'
          ? ['type', 'maxLength', 'additionalProperties', 'maxItems']
          : ['type', 'enum', 'pattern', 'maxLength', 'required', 'additionalProperties'];
      for (const rule of expected) expect([...rules], rule).to.include(rule);
    });
  }

  it('queries take every parameter from its accepted values, confined to the prefix', () => {
    const action = actionById('flows.get');
    const pools = { versions: [], triggerTypes: ['webhook'], triggerKeys: ['k'] };
    const queries = fc.sample(validQuery(action, 'fcq-', pools), { seed: 5, numRuns: SAMPLES });
    for (const parameter of action.query) {
      const given = queries.filter((query) => parameter.name in query);
      expect(given.length, parameter.name).to.be.above(0);
      if (parameter.value.kind === 'enum')
        for (const query of given) expect(parameter.value.acceptedValues).to.include(query[parameter.name]);
    }
    for (const query of queries) expect(String(query.filter).startsWith('fcq-')).to.equal(true);
  });

  it('broken queries break one parameter, as the server reads it', () => {
    const action = actionById('flows.getByVersion');
    const broken = fc.sample(
      brokenQuery(action, 'fcq-', { versions: ['v'], triggerTypes: [], triggerKeys: [] })!,
      {
        seed: 6,
        numRuns: SAMPLES,
      },
    );
    const parameters = new Set(broken.map((item) => item.rule.split(':')[0]));
    for (const name of ['sortField', 'page', 'perPage', 'version', 'triggerFilter'])
      expect([...parameters]).to.include(name);
    // Its refusal is a SHOULD (P5), which run checks; fuzz's refusals are the MUSTs of decision 3.
    expect([...parameters]).not.to.include('includeCustomNodes');
    const filters = broken.filter((item) => item.rule.startsWith('triggerFilter'));
    for (const item of filters) {
      const decoded = decodeQuery(encodeQuery(item.query));
      if (decoded === undefined) continue; // malformed as a whole: refused all the same
      expect(validatorFor('workflowTriggerFilter')(decoded.triggerFilter)).not.to.deep.equal([]);
    }
  });

  it('fuzz judges filters by the model’s glob (decision 6): * any run, ? one character, any case', () => {
    expect(globMatches('fc-a*b?', 'FC-A.x.bZ')).to.equal(true);
    expect(globMatches('fc-a*b?', 'fc-axb')).to.equal(false);
    expect(globMatches('a.(b)', 'axbb')).to.equal(false);
    expect(globMatches('🙂?', '🙂🙂')).to.equal(true);
  });
});
