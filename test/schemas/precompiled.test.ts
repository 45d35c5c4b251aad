import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { invalidBodies, schemaNameOf, validBodies, type SchemaStem } from '../../fixtures';
import { createAjv, loadPrecompiled, schemaId } from '../../src/schemas/registry';
import { writePrecompiledValidators } from '../../src/schemas/precompiled';
import { PACKAGE_ROOT } from '../../src/paths';

/** The validators `npm run build` writes as code agree with the compiled ones, and go stale safely. */
describe('schemas: precompiled validators', () => {
  // Inside the package, so that the code's requires (ajv's runtime, ajv-formats) resolve.
  mkdirSync(path.join(PACKAGE_ROOT, 'dist'), { recursive: true });
  const folder = mkdtempSync(path.join(PACKAGE_ROOT, 'dist', 'validators-test-'));
  const file = path.join(folder, 'validators.js');
  before(() => writePrecompiledValidators(file));
  after(() => rmSync(folder, { recursive: true, force: true }));

  const STEMS: SchemaStem[] = ['workflow-post', 'workflow-import', 'workflows', 'error'];

  it('give the same verdict and first violation as the compiled schemas, on every fixture', () => {
    const loaded = loadPrecompiled(file);
    expect(loaded, 'loaded').to.not.equal(undefined);
    const ajv = createAjv();
    let compared = 0;
    for (const stem of STEMS) {
      const name = schemaNameOf(stem);
      const compiled = ajv.getSchema(schemaId(name))!;
      const written = loaded![name]!;
      for (const { body } of [...validBodies(stem), ...invalidBodies(stem)]) {
        expect(written(body), `${stem} verdict`).to.equal(compiled(body));
        expect(written.errors ?? null, `${stem} errors`).to.deep.equal(compiled.errors ?? null);
        compared += 1;
      }
    }
    expect(compared).to.be.greaterThan(STEMS.length);
  });

  it('are ignored once a schema changed (another fingerprint)', () => {
    const stale = path.join(folder, 'stale.js');
    writeFileSync(stale, readFileSync(file, 'utf8').replace(/^\/\/ schemas [0-9a-f]+/, '// schemas 0'));
    expect(loadPrecompiled(stale)).to.equal(undefined);
  });

  it('are absent before any build: the registry compiles', () => {
    expect(loadPrecompiled(path.join(folder, 'none.js'))).to.equal(undefined);
  });
});
