/**
 * The layers of README "Layers", enforced: a module may import only its own layer and the layers below
 * it, and no module takes part in a cycle. `npm run lint` runs it; test/layers/layers.test.ts proves that
 * an upward import and a cycle fail it.
 *
 * Listed lowest first. Layers of one rank sit side by side: neither may import the other.
 * Not in any layer (so free to import every layer): the tests (`test/`, `specs/conformance/`,
 * `contracts/`) and the benchmarks (`bench/`).
 */
const LAYERS = [
  { name: 'base', rank: 0, paths: ['^src/(paths|directories|errors)[.]ts$'] },
  { name: 'catalog', rank: 1, paths: ['^specs/catalog/', '^specs/schemas/', '^src/schemas/'] },
  { name: 'model', rank: 2, paths: ['^src/model/'] },
  { name: 'fixtures', rank: 3, paths: ['^fixtures/'] },
  { name: 'http', rank: 3, paths: ['^src/http/'] },
  { name: 'checks', rank: 4, paths: ['^src/checks/'] },
  { name: 'target', rank: 5, paths: ['^src/target/'] },
  { name: 'engine', rank: 6, paths: ['^src/engine/'] },
  { name: 'cases', rank: 7, paths: ['^specs/cases/'] },
  { name: 'client', rank: 8, paths: ['^src/client/'] },
  { name: 'mock', rank: 8, paths: ['^src/mock/'] },
  { name: 'reporters', rank: 8, paths: ['^src/reporters/'] },
  { name: 'compare', rank: 9, paths: ['^src/compare/'] },
  { name: 'pact', rank: 9, paths: ['^src/pact/'] },
  { name: 'proxy', rank: 9, paths: ['^src/proxy/'] },
  { name: 'fuzz', rank: 9, paths: ['^src/fuzz/'] },
  { name: 'openapi', rank: 10, paths: ['^src/openapi/'] },
  { name: 'explore', rank: 10, paths: ['^src/explore/'] },
  { name: 'mutants', rank: 11, paths: ['^src/mutants/'] },
  { name: 'cli', rank: 11, paths: ['^src/cli/'] },
];

/** Readers of specs/reference (and ../shared/spec, to extract it) for the tests: they build on the catalog and the model; only tests use them. */
const TEST_ONLY = {
  name: 'reference',
  paths: ['^src/reference/'],
  below: ['base', 'catalog', 'model', 'fixtures'],
};

/** Every file of the project that a layer could import (anything else is a package). */
const PROJECT = '^(src|specs|fixtures|test|contracts|bench)/';

const pathsOf = (names) =>
  LAYERS.filter((layer) => names.includes(layer.name)).flatMap((layer) => layer.paths);

const layerRules = LAYERS.map((layer) => {
  const allowed = LAYERS.filter((other) => other.rank < layer.rank || other.name === layer.name).map(
    (other) => other.name,
  );
  return {
    name: `layer-${layer.name}`,
    comment:
      `${layer.name} may import only ${allowed.join(', ')} (README "Layers"); ` +
      'move a shared type down to the lowest layer that needs it instead',
    severity: 'error',
    from: { path: layer.paths },
    to: { path: PROJECT, pathNot: pathsOf(allowed) },
  };
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'modules that import each other cannot be layered: cut the cycle with a lower module',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: `layer-${TEST_ONLY.name}`,
      comment: `${TEST_ONLY.name} may import only ${TEST_ONLY.below.join(', ')} (README "Layers")`,
      severity: 'error',
      from: { path: TEST_ONLY.paths },
      to: { path: PROJECT, pathNot: [...TEST_ONLY.paths, ...pathsOf(TEST_ONLY.below)] },
    },
    {
      name: 'reference-test-only',
      comment: 'src/reference reads ../shared, which only the tests need: the product never imports it',
      severity: 'error',
      from: { path: LAYERS.flatMap((layer) => layer.paths) },
      to: { path: TEST_ONLY.paths },
    },
    {
      name: 'proxy-judges-by-the-model',
      comment:
        'the proxy reads requests and implies answers through src/model/resource, never through the mock it may judge (issue 18)',
      severity: 'error',
      from: { path: '^src/proxy/' },
      to: { path: '^src/mock/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|reports|pacts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
