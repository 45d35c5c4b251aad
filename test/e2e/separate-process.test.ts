import { sharedPactDir } from '../support/pacts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import {
  ACTIONS,
  isUserOnlyScope,
  UNKNOWN_APPLICATION_ID,
  UNRELATED_SCOPE,
  USER_TOKEN_SCOPE,
} from '../../specs/catalog';
import { ALL_CASES } from '../../specs/cases';
import type { ConformanceCase } from '../../src/engine/case';
import type { RunReport } from '../../src/engine/results';
import {
  MOCK_APPLICATION_ID,
  MOCK_FOREIGN_APPLICATION_ID,
  MOCK_OTHER_APPLICATION_ID,
  MOCK_USER,
} from '../../src/mock/defaults';
import { needsOf } from '../../src/engine/needs';
import { ALL_PACT_CASES } from '../../src/pact/interactions';
import { VERIFICATION_JSON, type VerificationReport } from '../../src/pact/verification-report';
import { runCli, type ChildResult } from '../support/cli';
import { runMain } from '../support/in-process-cli';
import {
  ADMIN_TOKEN,
  api,
  CLEAN_ENV,
  files,
  flowCount,
  MOCK_TOKEN,
  startMockProcess,
  stopMockProcess,
  type MockProcess,
} from './mock-process';

/**
 * The product as its users run it: `flows-conformance mock` in a process of its own, treated as a real
 * server, and `run --target` / `verify --target` against it through the CLI, with each credential style.
 */

/** The ids of the cases that need a token of this kind. */
const casesNeeding = (needs: (auth: NonNullable<ConformanceCase['requests'][number]['auth']>) => boolean) =>
  new Set(
    ALL_CASES.filter((testCase) =>
      testCase.requests.some((request) => request.auth !== undefined && needs(request.auth)),
    ).map((testCase) => testCase.id),
  );

const USER_ONLY_BUT_USER = casesNeeding(
  (auth) => auth.kind === 'scope' && isUserOnlyScope(auth.scope) && auth.scope !== USER_TOKEN_SCOPE,
);
const OTHER_APPLICATION = casesNeeding((auth) => auth.kind === 'otherApplication');
// Minting a token to revoke or one already expired needs an admin token or a user login.
const MINTED_FOR_REFUSAL = casesNeeding((auth) => auth.kind === 'revoked' || auth.kind === 'expired');
const FOREIGN_APPLICATION = new Set(
  ALL_CASES.filter((testCase) => testCase.requests.some((request) => request.application === 'foreign')).map(
    (testCase) => testCase.id,
  ),
);
// The piece of the data set made in the other application, and what reads it.
const CROSS_APPLICATION = new Set(
  ALL_CASES.filter(
    (testCase) => testCase.setup === 'crossApplication' || needsOf(testCase).includes('crossApplication'),
  ).map((testCase) => testCase.id),
);
const union = (...sets: Set<string>[]) => new Set(sets.flatMap((set) => [...set]));
/** Skipped by chance (1 in 40,320): random ids that happen to follow creation order (precondition). */
const byChance = (reason: string | undefined) => /follow their creation order/.test(reason ?? '');

describe('e2e: the mock as a separate process, the suite and the verifier against it by URL', function () {
  this.timeout(120_000);
  let mock: MockProcess | undefined;
  let root: string;
  let tokensFile: string;
  let pactDir: string;
  /** Every secret the runs were given, or that the test minted. */
  const secrets = [ADMIN_TOKEN, MOCK_USER.password];
  /** Every stdout and stderr of every CLI call, checked for secrets at the end. */
  const outputs: ChildResult[] = [];

  /** `verify` in a child process (the Pact verifier writes to file descriptor 1), the rest in this one. */
  const cli = async (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ChildResult> => {
    const run = args[0] === 'verify' ? runCli : runMain;
    const result = await run(args, { ...CLEAN_ENV, NO_COLOR: '1', ...env });
    outputs.push(result);
    return result;
  };
  const target = (): string[] => [
    '--target',
    (mock as MockProcess).url,
    '--application-id',
    MOCK_APPLICATION_ID,
  ];
  const readRun = (dir: string): RunReport =>
    JSON.parse(readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as RunReport;

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'fc-e2e-'));
    mock = await startMockProcess();
    // A tokens file as a user of a real server would build it (here from the mock-only route).
    const scopes = [...new Set([...ACTIONS.flatMap((action) => action.acceptedScopes), UNRELATED_SCOPE])];
    const tokens: Record<string, string> = {};
    for (const scope of scopes) {
      const bound = !isUserOnlyScope(scope);
      const { status, body } = await api(mock, 'POST', '/mock-only/tokens', {
        ...(bound ? { applicationId: MOCK_APPLICATION_ID } : {}),
        scope: [scope],
      });
      expect(status, JSON.stringify(body)).to.equal(201);
      tokens[scope] = body.token as string;
    }
    secrets.push(...Object.values(tokens));
    tokensFile = path.join(root, 'tokens.json');
    writeFileSync(tokensFile, JSON.stringify(tokens));
    pactDir = await sharedPactDir();
  });

  after(async () => {
    await stopMockProcess(mock);
    rmSync(root, { recursive: true, force: true });
  });

  /** One run per credential style: exit 0, no failure, exactly the expected cases skipped, each with why. */
  const STYLES: readonly {
    name: string;
    args: () => string[];
    env?: NodeJS.ProcessEnv;
    skipped: Set<string>;
    reasons: RegExp;
  }[] = [
    {
      name: 'admin token (environment), no second application',
      args: () => [],
      env: { FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN },
      // The admin token is the all.User token: only the other user-only scopes are missing.
      skipped: union(USER_ONLY_BUT_USER, OTHER_APPLICATION, FOREIGN_APPLICATION, CROSS_APPLICATION),
      reasons:
        /cannot mint all\.(User\.read|Organization)[^ ]* .*--tokens FILE|no second application given|--foreign-application-id/,
    },
    {
      name: 'user login, a second application',
      args: () => [
        '--user-email',
        MOCK_USER.email,
        '--other-application-id',
        MOCK_OTHER_APPLICATION_ID,
        '--foreign-application-id',
        MOCK_FOREIGN_APPLICATION_ID,
      ],
      env: { FLOWS_CONFORMANCE_USER_PASSWORD: MOCK_USER.password },
      skipped: USER_ONLY_BUT_USER,
      reasons: /cannot mint all\.(User\.read|Organization|Organization\.read) .*--mock-only-tokens/,
    },
    {
      name: 'only a tokens file, a second application',
      args: () => [
        '--tokens',
        tokensFile,
        '--other-application-id',
        MOCK_OTHER_APPLICATION_ID,
        '--foreign-application-id',
        MOCK_FOREIGN_APPLICATION_ID,
      ],
      skipped: union(MINTED_FOR_REFUSAL, OTHER_APPLICATION, CROSS_APPLICATION),
      reasons:
        /no admin token or user login .* to mint a token (and revoke it|that has expired|of the other application)/,
    },
    {
      name: 'admin token, a second application and --mock-only-tokens',
      args: () => [
        '--admin-token',
        ADMIN_TOKEN,
        '--other-application-id',
        MOCK_OTHER_APPLICATION_ID,
        '--foreign-application-id',
        MOCK_FOREIGN_APPLICATION_ID,
        '--mock-only-tokens',
      ],
      skipped: new Set(),
      reasons: /^$/,
    },
  ];

  const runs = new Map<string, { result: ChildResult; report: RunReport; dir: string }>();

  before(async () => {
    // Two at a time: each is a Node process compiling the sources with tsx.
    for (let at = 0; at < STYLES.length; at += 2)
      await Promise.all(
        STYLES.slice(at, at + 2).map(async (style, offset) => {
          const dir = path.join(root, `run-${at + offset}`);
          const result = await cli(['run', ...target(), ...style.args(), '--report-dir', dir], style.env);
          runs.set(style.name, { result, report: readRun(dir), dir });
        }),
      );
  });

  for (const style of STYLES)
    it(`run --target with ${style.name}: exit 0, no failure, ${style.skipped.size === 0 ? 'nothing' : 'only what it cannot do'} skipped, with the reason`, () => {
      const { result, report } = runs.get(style.name) as { result: ChildResult; report: RunReport };
      expect(result.code, result.stderr.slice(-2000)).to.equal(0);
      expect(report.summary).to.include({ total: ALL_CASES.length, failed: 0, warnings: 0 });
      expect(report.summary.target).to.equal(mock?.url);
      const skipped = report.results.filter(
        (item) => item.outcome === 'skipped' && !byChance(item.skipReason),
      );
      expect(skipped.map((item) => item.id)).to.have.members([...style.skipped]);
      for (const item of skipped) {
        expect(item.skipReason, item.id).to.match(style.reasons);
        // The console says why too, on the case's own line.
        expect(result.stderr).to.contain(`SKIP ${item.id} (${item.skipReason})`);
      }
      expect(result.stderr).to.contain(
        `${report.summary.total} cases: ${report.summary.passed} passed, 0 failed`,
      );
    });

  it('every run removed what it created (every flowClass of both applications)', async () => {
    const live = mock as MockProcess;
    expect(await flowCount(live, MOCK_APPLICATION_ID)).to.equal(0);
    expect(await flowCount(live, MOCK_OTHER_APPLICATION_ID)).to.equal(0);
  });

  it('--no-cleanup keeps the flows the run created', async () => {
    const dir = path.join(root, 'kept');
    const result = await cli(
      ['run', ...target(), '--grep', '^POST flows: a valid request', '--no-cleanup', '--report-dir', dir],
      { FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN },
    );
    expect(result.code, result.stderr).to.equal(0);
    expect(await flowCount(mock as MockProcess, MOCK_APPLICATION_ID)).to.be.greaterThan(0);
    const prefix = /names starting (\S+)/.exec(result.stdout)?.[1];
    expect(prefix, result.stdout).to.match(/^fc[0-9a-f]{8}-$/);
    const report = JSON.parse(readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as {
      summary: { keptDataPrefix?: string };
    };
    expect(report.summary.keptDataPrefix).to.equal(prefix);
  });

  it('a stale expectation fails the run and is named on stderr', async () => {
    const expectations = path.join(root, 'expectations.json');
    writeFileSync(
      expectations,
      JSON.stringify({ expectedFailures: { 'GET flows: no such case at all': 'stale on purpose' } }),
    );
    const result = await cli(
      ['run', ...target(), '--grep', '^GET flows: sortField', '--expectations', expectations],
      { FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN, FLOWS_CONFORMANCE_REPORT_DIR: path.join(root, 'stale') },
    );
    expect(result.code, result.stderr).to.equal(1);
    expect(result.stderr).to.contain('flows-conformance: stale expectation: GET flows: no such case at all');
  });

  it('refuses, in one line and exit 2: a wrong token, a wrong password, an unknown application', async () => {
    const calls = [
      { args: ['--admin-token', 'not-the-admin-token'], says: /refused the credential \(401\)/ },
      {
        args: ['--user-email', MOCK_USER.email, '--user-password', 'not-the-password'],
        says: /POST \/auth\/user refused the user credentials \(401\)/,
      },
    ];
    for (const call of calls) {
      const result = await cli([
        'run',
        ...target(),
        ...call.args,
        '--report-dir',
        path.join(root, 'refused'),
      ]);
      expect(result.code, result.stderr).to.equal(2);
      expect(result.stderr.trim().split('\n')).to.have.length(1);
      expect(result.stderr).to.match(call.says);
    }
    const unknown = await cli(
      ['run', '--target', (mock as MockProcess).url, '--application-id', UNKNOWN_APPLICATION_ID],
      {
        FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN,
        FLOWS_CONFORMANCE_REPORT_DIR: path.join(root, 'unknown'),
      },
    );
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.contain(`application ${UNKNOWN_APPLICATION_ID} not found`);
  });

  // verify: same file, same level (mocha runs a suite's tests before its child suites, and the secret
  // check below must see every output).
  {
    it('passes with only a tokens file, and writes its reports', async () => {
      const dir = path.join(root, 'verify-tokens');
      const result = await cli([
        'verify',
        ...target(),
        '--tokens',
        tokensFile,
        '--pact-dir',
        pactDir,
        '--report-dir',
        dir,
      ]);
      expect(result.code, result.stderr).to.equal(0);
      const report = JSON.parse(
        readFileSync(path.join(dir, VERIFICATION_JSON), 'utf8'),
      ) as VerificationReport;
      expect(report.outcome.passed).to.equal(true);
      expect(report.outcome.interactions).to.have.length(ALL_PACT_CASES.length);
    });

    it('with an admin token only: the all.User states use the admin token, a user token', async () => {
      const dir = path.join(root, 'verify-admin');
      const result = await cli(['verify', ...target(), '--pact-dir', pactDir, '--report-dir', dir], {
        FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN,
      });
      expect(result.code, result.stderr).to.equal(0);
      const report = JSON.parse(
        readFileSync(path.join(dir, VERIFICATION_JSON), 'utf8'),
      ) as VerificationReport;
      expect(report.outcome.failures).to.deep.equal([]);
    });

    it('an unreachable target is one line and exit 3, a refusing one exit 2, not a hang', async () => {
      const result = await cli(
        [
          'verify',
          '--target',
          'http://127.0.0.1:9',
          '--application-id',
          MOCK_APPLICATION_ID,
          '--pact-dir',
          pactDir,
        ],
        {
          FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN,
          FLOWS_CONFORMANCE_REPORT_DIR: path.join(root, 'verify-down'),
        },
      );
      expect(result.code).to.equal(3);
      expect(result.stderr.trim().split('\n')).to.deep.equal([
        'flows-conformance: target http://127.0.0.1:9 is unreachable: connection failed (ECONNREFUSED)',
      ]);
      const refused = await cli(['verify', ...target(), '--pact-dir', pactDir], {
        FLOWS_CONFORMANCE_ADMIN_TOKEN: 'not-the-admin-token',
        FLOWS_CONFORMANCE_REPORT_DIR: path.join(root, 'verify-refused'),
      });
      expect(refused.code).to.equal(2);
      expect(refused.stderr).to.match(/refused the credential \(401\)/);
    });
  }

  it('no secret (admin token, password, given or minted token) in any file written or any output', () => {
    const texts = [
      ...files(root)
        .filter((file) => file !== tokensFile)
        .map((file) => ({ where: file, text: readFileSync(file, 'utf8') })),
      ...outputs.map((output, index) => ({ where: `output ${index}`, text: output.stdout + output.stderr })),
    ];
    expect(texts.length).to.be.greaterThan(20);
    for (const { where, text } of texts) {
      for (const secret of secrets) expect(text.includes(secret), `${where} holds a secret`).to.equal(false);
      expect(MOCK_TOKEN.exec(text)?.[0], `${where} holds a mock token`).to.equal(undefined);
    }
  });
});
