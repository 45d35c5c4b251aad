import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ALL_CASES } from '../../specs/cases';
import {
  createMockServer,
  MOCK_APPLICATION_ID,
  MOCK_FOREIGN_APPLICATION_ID,
  MOCK_OTHER_APPLICATION_ID,
  MOCK_USER,
  type MockServer,
} from '../../src/mock';
import { writePacts } from '../../src/pact/consumer';
import { DEFAULT_CONSUMER, DEFAULT_PROVIDER } from '../../src/pact/defaults';
import { ALL_PACT_CASES } from '../../src/pact/interactions';
import { PACKAGE_ROOT } from '../../src/paths';
import { CLEAN_ENV } from '../e2e/mock-process';
import { cliArgv } from '../support/built-cli';
import { runMain } from '../support/in-process-cli';
import { allDocBlocks, blocksOf, type DocBlock } from './doc-blocks';
import { shellCommands, type ShellCommand } from './shell-commands';

/*
 * Docs that run. Every fenced block of README.md and docs/*.md is classified by the HTML comment on the
 * line before it (the rules: test/docs/doc-blocks.ts and README "Docs"): sh/bash/ts blocks run against
 * the mock unless marked `<!-- doc: needs real broker -->` / `<!-- doc: needs real API -->` (then the
 * commands naming that service must fail with one line, exit 3: unreachable) or `<!-- doc: illustration -->`.
 * Other blocks need a marker. A shell block goes through bash once (quoting, exports, `$(...)`) with
 * `npx`/`npm` recorded, then each `npx flows-conformance` runs in process (`verify` and `mock` in a child:
 * the Pact verifier writes to fd 1, the mock serves until stopped), in a temporary folder, with:
 * `--target URL` → the mock (or a closed port for "needs real API"), `--broker-url URL` → a closed port,
 * an id ending in `...` → the mock's id for that flag, `--user-email` → the mock user, `--host` →
 * 127.0.0.1, `--port` → 0, `[optional flags]` given, a variable exported as `...` → a working value;
 * the admin token is in the environment (FLOWS_CONFORMANCE_ADMIN_TOKEN), as the README has the user set it.
 * `npm <script>` must name a script of package.json, and runs when it is `node bin/flows-conformance.js`.
 */

const ADMIN_TOKEN = 'docs-admin-token-5d1c9e7a3b';
/** Variables a documented command uses without defining them. */
const SHELL_ENV = { GIT_SHA: '4f9c2e1', PASSWORD: MOCK_USER.password, GITHUB_SHA: '4f9c2e1' };
/** What `export NAME=...` stands for. */
const placeholderValue = (name: string): string =>
  name.endsWith('ADMIN_TOKEN') ? ADMIN_TOKEN : 'doc-placeholder';

const IDS: Readonly<Record<string, string>> = {
  '--application-id': MOCK_APPLICATION_ID,
  '--other-application-id': MOCK_OTHER_APPLICATION_ID,
  '--foreign-application-id': MOCK_FOREIGN_APPLICATION_ID,
};

interface Places {
  readonly mockUrl: string;
  readonly closedUrl: string;
}

/** The documented arguments, made to point at what this test provides (the rules above). */
export function fillArguments(args: readonly string[], block: DocBlock, places: Places): string[] {
  const words = args.map((word) => word.replace(/^\[/, '').replace(/\]$/, ''));
  return words.map((word, at) => {
    const flag = words[at - 1];
    if (flag === '--target') return block.needs === 'real API' ? places.closedUrl : places.mockUrl;
    if (flag === '--broker-url') return places.closedUrl;
    if (flag in IDS && word.endsWith('...')) return IDS[flag];
    if (flag === '--user-email') return MOCK_USER.email;
    if (flag === '--host') return '127.0.0.1';
    if (flag === '--port') return '0';
    return word;
  });
}

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Commands that serve until stopped: they count as working once they listen, and are stopped then. */
const SERVERS = new Set(['mock', 'proxy']);

/** The CLI in a child (cwd `dir`); a server counts as working once it listens, and is stopped then. */
function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv, dir: string): Promise<Outcome> {
  const child = spawn(process.execPath, cliArgv(args), {
    cwd: dir,
    env: { ...process.env, ...env },
  });
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    let listened = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!listened && SERVERS.has(args[0]) && /listening on http:\/\/127\.0\.0\.1:\d+/.test(stdout)) {
        // Stopped, and awaited: a proxy writes its reports on SIGTERM, before the folder goes.
        listened = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: listened ? 0 : code, stdout, stderr });
    });
  });
}

/**
 * `flows-conformance <args>` in `dir`: in process, but in a child a server (it serves until stopped) and
 * a `verify` that gets as far as verifying (the Pact verifier writes to fd 1).
 */
async function runCommand(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  dir: string,
  expected: 0 | 3,
): Promise<Outcome> {
  if (SERVERS.has(args[0]) || (args[0] === 'verify' && expected === 0)) return spawnCli(args, env, dir);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return await runMain(args, env);
  } finally {
    process.chdir(cwd);
  }
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Executed {
  readonly where: string;
  readonly command: string;
  readonly outcome: Outcome;
  readonly expected: 0 | 3;
}

describe('docs that run: every block of README.md and docs/*.md is run or classified', function () {
  this.timeout(300_000);
  const blocks = allDocBlocks();
  let dir: string;
  let mock: MockServer;
  let places: Places;
  const executed: Executed[] = [];
  const problems: string[] = [];
  const outcomes = new Map<string, Outcome>();

  /** Two cases (the first and the last of the suite): a documented run checks its flags, not the suite. */
  const grep = `^(${escape(ALL_CASES[0].id)}|${escape(ALL_CASES[ALL_CASES.length - 1].id)})$`;
  const scripts = (
    JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;

  async function execute(block: DocBlock, command: ShellCommand): Promise<void> {
    let args: readonly string[];
    if (command.program === 'npm') {
      const [verb, ...rest] = command.args;
      if (verb === 'ci' || verb === 'install') return;
      const script = verb === 'run' ? rest[0] : verb;
      if (!(script in scripts)) return void problems.push(`${block.where}: npm ${script}: no such script`);
      const cli = /^node bin\/flows-conformance\.js (.*)$/.exec(scripts[script]);
      if (!cli) return; // the repository's own build, test and bench scripts: they exist, npm test runs them
      args = cli[1].split(' ');
    } else if (command.program === 'flows-conformance') {
      args = command.args;
    } else {
      if (block.kind !== 'needs')
        problems.push(`${block.where}: "${command.text}" is no flows-conformance command`);
      return; // the outside service's own set-up (docker compose)
    }
    const filled = fillArguments(args, block, places);
    const exported = Object.fromEntries(
      Object.entries(command.env).map(([name, value]) => [
        name,
        value === '...' ? placeholderValue(name) : value,
      ]),
    );
    // The admin token is in the environment, as README's "Against your server" exports it.
    const env = {
      ...CLEAN_ENV,
      FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN,
      // Narrows run's cases; fuzz's properties have other ids, and its documented runs are small already.
      ...(filled[0] === 'fuzz' ? {} : { FLOWS_CONFORMANCE_GREP: grep }),
      ...exported,
    };
    const expected = block.kind === 'needs' && filled.includes(places.closedUrl) ? 3 : 0;
    // The same command with the same environment in the same folder gives the same answer: run it once.
    const key = JSON.stringify([filled, exported]);
    let outcome = outcomes.get(key);
    if (!outcome) outcomes.set(key, (outcome = await runCommand(filled, env, dir, expected)));
    executed.push({
      where: block.where,
      command: `flows-conformance ${filled.join(' ')}`,
      outcome,
      expected,
    });
  }

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fc-docs-'));
    mock = await createMockServer({ adminToken: ADMIN_TOKEN });
    places = { mockUrl: await mock.listen(0), closedUrl: await closedPortUrl() };
    // The files the documented commands name, as a user would have them.
    writeFileSync(path.join(dir, 'tokens.json'), '{}');
    writeFileSync(path.join(dir, 'known-failures.json'), JSON.stringify({ expectedFailures: {} }));
    const names = { consumer: DEFAULT_CONSUMER, provider: DEFAULT_PROVIDER };
    await writePacts({ ...names, pactDir: path.join(dir, 'pacts'), cases: ALL_PACT_CASES });

    for (const block of blocks) {
      if (block.kind !== 'run' && block.kind !== 'needs') continue;
      if (block.language === 'ts' || block.language === 'typescript') {
        const snippet = path.join(dir, `snippet-${executed.length}.ts`);
        // A snippet imports the project as './src/...' and reads files relative to the project.
        writeFileSync(snippet, block.code.replaceAll(`from './`, `from '${PACKAGE_ROOT}/`));
        const tsx = path.join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
        const outcome = await new Promise<Outcome>((resolve) => {
          const child = spawn(process.execPath, [tsx, snippet], { cwd: PACKAGE_ROOT, timeout: 120_000 });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('close', (code) => resolve({ code, stdout, stderr }));
        });
        executed.push({ where: block.where, command: 'tsx snippet', outcome, expected: 0 });
        continue;
      }
      for (const command of shellCommands(block.code, SHELL_ENV)) await execute(block, command);
    }
  });

  after(async () => {
    await mock?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every block is classified: run, needs an outside service, or an illustration', () => {
    const unclassified = blocks
      .filter((block) => block.kind === 'unclassified')
      .map((block) => `${block.where}: ${block.problem}`);
    expect(unclassified).to.deep.equal([]);
    expect(blocks.filter((block) => block.kind === 'run').length).to.be.greaterThan(0);
  });

  it('every documented command runs against the mock: exit 0', () => {
    expect(problems).to.deep.equal([]);
    const failed = executed
      .filter((run) => run.expected === 0 && run.outcome.code !== 0)
      .map((run) => `${run.where}: ${run.command} → exit ${run.outcome.code}: ${run.outcome.stderr.trim()}`);
    expect(failed).to.deep.equal([]);
    const counted = executed.filter((run) => run.expected === 0);
    console.log(
      `      ${executed.length} documented commands checked (${executed.length - counted.length} expecting exit 3), ` +
        `${outcomes.size} distinct runs`,
    );
    expect(counted.length).to.be.greaterThan(0);
  });

  it('every command needing an outside service fails without it: one line, exit 3 (unreachable)', () => {
    const unclear = executed
      .filter((run) => run.expected === 3)
      .filter((run) => run.outcome.code !== 3 || run.outcome.stderr.trim().split('\n').length !== 1)
      .map((run) => `${run.where}: ${run.command} → exit ${run.outcome.code}: ${run.outcome.stderr.trim()}`);
    expect(unclear).to.deep.equal([]);
    expect(executed.filter((run) => run.expected === 3).length).to.be.greaterThan(0);
  });
});

describe('docs that run: the checks catch a doc that drifts', () => {
  it('a JSON block without a marker, or with an unknown marker, is unclassified', () => {
    const text = ['```json', '{}', '```', '', '<!-- doc: maybe -->', '```sh', 'ls', '```'].join('\n');
    expect(blocksOf('x.md', text).map((block) => block.kind)).to.deep.equal(['unclassified', 'unclassified']);
  });

  it('markers classify the block after them, blank lines between allowed', () => {
    const text = [
      '<!-- doc: illustration -->',
      '```yaml',
      'a: 1',
      '```',
      '<!-- doc: needs real broker -->',
      '',
      '```bash',
      'npx flows-conformance publish --broker-url https://broker.example.com',
      '```',
      '```sh',
      'npx flows-conformance run',
      '```',
    ].join('\n');
    expect(blocksOf('x.md', text).map((block) => [block.kind, block.needs])).to.deep.equal([
      ['illustration', undefined],
      ['needs', 'real broker'],
      ['run', undefined],
    ]);
  });

  it('a flag the CLI no longer has fails its documented command (exit 2)', async () => {
    const [command] = shellCommands('npx flows-conformance run --no-such-flag \\\n  --grep x', {});
    expect(command.args).to.deep.equal(['run', '--no-such-flag', '--grep', 'x']);
    const outcome = await runMain(command.args, CLEAN_ENV);
    expect(outcome.code).to.equal(2);
  });

  it('placeholders are filled from the mock, by the flag they follow', () => {
    const block = { where: 'x.md:1', language: 'sh', code: '', kind: 'run' } as const;
    const places = { mockUrl: 'http://127.0.0.1:1', closedUrl: 'http://127.0.0.1:2' };
    const args = ['run', '--target', 'https://api.losant.com', '--application-id', '5f0c...', '[--strict]'];
    expect(fillArguments(args, block, places)).to.deep.equal([
      'run',
      '--target',
      places.mockUrl,
      '--application-id',
      MOCK_APPLICATION_ID,
      '--strict',
    ]);
    expect(fillArguments(args, { ...block, kind: 'needs', needs: 'real API' }, places)[2]).to.equal(
      places.closedUrl,
    );
  });
});
