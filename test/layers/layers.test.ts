import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { PACKAGE_ROOT } from '../../src/paths';

/**
 * The layer rules of .dependency-cruiser.cjs (README "Layers") fire: run through dependency-cruiser's
 * API on a small tree laid out like the project's, an upward import, a cycle and a product import of
 * the test-only readers are each a violation of the rule named for them, and a downward import is none.
 */

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS, read as the CLI reads it
const config = require(path.join(PACKAGE_ROOT, '.dependency-cruiser.cjs')) as { forbidden: unknown[] };

async function violationsOf(files: Record<string, string>): Promise<Violation[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'flows-layers-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    // dependency-cruiser is an ES module only.
    const { cruise } = await import('dependency-cruiser');
    const result = await cruise(
      Object.keys(files).map((file) => path.dirname(file).split('/')[0]),
      {
        baseDir: dir,
        validate: true,
        ruleSet: { forbidden: config.forbidden } as never,
        tsPreCompilationDeps: true,
      },
      { extensions: ['.ts', '.js'] },
    );
    if (typeof result.output === 'string') throw new Error('expected the cruise result as an object');
    return result.output.summary.violations.map(({ from, to, rule }) => ({
      from,
      to,
      rule: { name: rule.name },
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const USAGE_ERROR = 'export class UsageError extends Error {}\n';

describe('layers: .dependency-cruiser.cjs', function () {
  this.timeout(120_000);

  it('a check importing the CLI violates layer-checks', async () => {
    const violations = await violationsOf({
      'src/cli/usage-error.ts': USAGE_ERROR,
      'src/checks/upward.ts':
        "import { UsageError } from '../cli/usage-error';\nexport const e = new UsageError();\n",
    });
    expect(violations).to.deep.include({
      from: 'src/checks/upward.ts',
      to: 'src/cli/usage-error.ts',
      rule: { name: 'layer-checks' },
    });
  });

  it('a type-only import upward is a violation too (the target loading the mock)', async () => {
    const violations = await violationsOf({
      'src/mock/server.ts': 'export interface MockServer { readonly url: string }\n',
      'src/target/connect.ts':
        "import type { MockServer } from '../mock/server';\nexport type M = MockServer;\n",
    });
    expect(violations.map((violation) => violation.rule.name)).to.deep.equal(['layer-target']);
  });

  it('two modules importing each other violate no-circular, within one layer too', async () => {
    const violations = await violationsOf({
      'src/engine/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src/engine/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    expect(violations.map((violation) => violation.rule.name)).to.include('no-circular');
  });

  it('the product importing the test-only reference readers violates reference-test-only', async () => {
    const violations = await violationsOf({
      'src/reference/json.ts': 'export const json = 1;\n',
      'fixtures/index.ts': "import { json } from '../src/reference/json';\nexport const f = json;\n",
    });
    expect(violations.map((violation) => violation.rule.name)).to.include('reference-test-only');
  });

  it('downward imports, and tests importing anything, are no violation', async () => {
    const violations = await violationsOf({
      'src/errors.ts': USAGE_ERROR,
      'src/model/results.ts': "export type Level = 'MUST' | 'SHOULD';\n",
      'src/checks/context.ts': "import type { Level } from '../model/results';\nexport type L = Level;\n",
      'src/engine/expectations.ts':
        "import { UsageError } from '../errors';\nexport const e = new UsageError();\n",
      'src/cli/main.ts': "import { e } from '../engine/expectations';\nexport const m = e;\n",
      'test/cli/main.test.ts': "import { m } from '../../src/cli/main';\nexport const t = m;\n",
    });
    expect(violations).to.deep.equal([]);
  });
});
