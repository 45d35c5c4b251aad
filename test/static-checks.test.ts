import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/paths';

interface ScriptOutcome {
  readonly code: number | null;
  readonly output: string;
}

/** `npm run -s <script>` in the project, its exit code and everything it wrote. */
export function runScript(script: string, cwd = PACKAGE_ROOT): Promise<ScriptOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', script], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * The static checks of package.json, as tests: mocha schedules them beside the other test files
 * (.mocharc.cjs starts them first), where `npm test` used to run them one after another before mocha.
 */
const STATIC_CHECKS: readonly { script: string; what: string }[] = [
  { script: 'typecheck', what: 'tsc --noEmit finds no type error' },
  { script: 'lint:code', what: 'eslint finds no problem' },
  { script: 'lint:format', what: 'prettier finds every file formatted' },
  { script: 'lint:layers', what: 'dependency-cruiser finds no upward import and no cycle' },
];

describe('static checks: types, lint, format, layers', function () {
  this.timeout(300_000);

  for (const { script, what } of STATIC_CHECKS)
    it(`npm run ${script}: ${what}`, async () => {
      const { code, output } = await runScript(script);
      expect(code, output.slice(-6000)).to.equal(0);
    });

  it('a script that fails fails its test, with what it printed', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'fc-static-'));
    try {
      const check = `node -e "console.error('3 problems'); process.exit(3)"`;
      writeFileSync(path.join(project, 'package.json'), JSON.stringify({ scripts: { check } }));
      const { code, output } = await runScript('check', project);
      expect(code).to.equal(3);
      expect(output).to.contain('3 problems');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
