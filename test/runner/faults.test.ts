import { formatFailure } from '../../src/reporters/report-views';
import { expect } from 'chai';
import type { FaultName } from '../../src/mock';
import { ADMIN_TOKEN, byId, runOnMock } from './support';
import { CHECKS } from '../../src/checks';
import { CASE_FAULT_NAMES as FAULT_NAMES } from '../../src/mock';
import { computeMutants, type MutantsMatrix } from '../../src/mutants/matrix';
import { renderMutantsMarkdown } from '../../src/mutants/report';

/** One deliberately broken mock per aspect: the right cases fail, with messages a person can act on. */
const EXPECTED: readonly {
  fault: FaultName;
  aspect: string;
  id: string;
  outcome: 'failed' | 'warning';
  says: string;
}[] = [
  {
    fault: 'ignore-scopes',
    aspect: 'auth',
    id: 'GET flows: a token with only devices.get is refused',
    outcome: 'failed',
    says: 'status 200, expected 401 or 403',
  },
  {
    fault: 'ignore-application-binding',
    aspect: 'auth',
    id: 'POST flows: a token of another application is refused and sees nothing',
    outcome: 'failed',
    says: 'expected 401 or 403',
  },
  {
    fault: 'sort-ignores-direction',
    aspect: 'query',
    id: 'GET flows: sortField=name&sortDirection=desc orders the items',
    outcome: 'failed',
    says: 'ordered by name desc',
  },
  // MUST in a case resting on D4: a page walk that repeats an item never returns another one.
  {
    fault: 'paging-one-based',
    aspect: 'query',
    id: 'GET flows: pages of perPage=3 hold every item exactly once',
    outcome: 'failed',
    says: 'across the pages: repeated',
  },
  {
    fault: 'invalid-query-ignored',
    aspect: 'query',
    id: 'GET flows/version: perPage=0 gets 400',
    outcome: 'failed',
    says: 'status 200, expected 400',
  },
  {
    fault: 'unknown-app-as-200',
    aspect: 'status',
    id: 'POST flows/import: an unknown application gets 404',
    outcome: 'failed',
    says: 'expected 404',
  },
  {
    fault: 'post-returns-200',
    aspect: 'status',
    id: 'POST flows: a valid request gets 201',
    outcome: 'failed',
    says: 'status 200, expected 201',
  },
  {
    fault: 'post-id-as-number',
    aspect: 'schema',
    id: 'POST flows: the 201 body is a valid Workflow',
    outcome: 'failed',
    says: '/id must be string',
  },
  {
    fault: 'error-body-as-text',
    aspect: 'schema',
    id: 'GET flows: the 404 body is an Error of type NotFound',
    outcome: 'failed',
    says: 'not JSON',
  },
  {
    fault: 'drops-description',
    aspect: 'body',
    id: 'POST flows: what Post stores is what Get returns',
    outcome: 'failed',
    says: 'Get returns description',
  },
  {
    fault: 'post-skips-validation',
    aspect: 'body',
    id: 'POST flows: invalid body "name-empty" is refused',
    outcome: 'failed',
    says: 'expected 400',
  },
  {
    fault: 'import-partial',
    aspect: 'body',
    id: 'POST flows/import: a bundle with one invalid flow imports nothing',
    outcome: 'failed',
    says: 'refused with 400 created',
  },
  // MUST though only D11 makes the bundle invalid: a request refused with a 4xx changes no state.
  {
    fault: 'import-partial',
    aspect: 'body',
    id: 'POST flows/import: a version pointing at no flow of the bundle imports nothing',
    outcome: 'failed',
    says: 'refused with 400 created',
  },
  {
    fault: 'trigger-filter-own-triggers',
    aspect: 'query',
    id: 'GET flows: triggerFilter matches the trigger of a flow’s default version',
    outcome: 'failed',
    says: 'missing',
  },
  {
    fault: 'trigger-filter-own-triggers',
    aspect: 'query',
    id: 'GET flows/version: triggerFilter ignores the own trigger of a flow with a default version',
    outcome: 'failed',
    says: 'unexpected version',
  },
  {
    fault: 'version-case-insensitive',
    aspect: 'query',
    id: 'GET flows/version: version matches case-sensitively',
    outcome: 'warning',
    says: 'unexpected version',
  },
  {
    fault: 'custom-nodes-missing',
    aspect: 'query',
    id: 'POST flows: includeCustomNodes=true adds the referenced custom nodes',
    outcome: 'warning',
    says: 'no customNodes array',
  },
  {
    fault: 'post-stale-dates',
    aspect: 'body',
    id: 'POST flows: a new flow gets fresh ids and the defaults',
    outcome: 'warning',
    says: 'creationDate "2016-06-13T04:00:00.000Z" is not now',
  },
  {
    fault: 'import-default-version-unmapped',
    aspect: 'body',
    id: 'POST flows/import: a flow’s defaultVersionId becomes the new id of its version',
    outcome: 'warning',
    says: 'docs/decisions.md P4',
  },
  // The blind spots of a server written elsewhere, each now caught by a case of its own.
  {
    fault: 'foreign-application-reachable',
    aspect: 'auth',
    id: 'GET flows: the run’s own credential does not reach another user’s application',
    outcome: 'failed',
    says: 'status 200, expected 403 or 404',
  },
  {
    fault: 'revoked-tokens-accepted',
    aspect: 'auth',
    id: 'POST flows: a revoked all.Application token is refused',
    outcome: 'failed',
    says: 'expected 401 or 403',
  },
  {
    fault: 'expired-tokens-accepted',
    aspect: 'auth',
    id: 'POST flows/import: an expired all.Application token is refused',
    outcome: 'failed',
    says: 'expected 401 or 403',
  },
  {
    fault: 'forbidden-names-application',
    aspect: 'auth',
    id: 'GET flows/version: a token of another application is refused and sees nothing',
    outcome: 'failed',
    says: 'names application',
  },
  {
    fault: 'no-www-authenticate',
    aspect: 'auth',
    id: 'GET flows: no Authorization header is refused',
    outcome: 'failed',
    says: 'RFC 7235',
  },
  {
    fault: 'custom-nodes-cross-application',
    aspect: 'query',
    id: 'GET flows: customNodes holds no flow of another application',
    outcome: 'failed',
    says: 'of another application',
  },
  {
    fault: 'custom-nodes-cross-application',
    aspect: 'query',
    id: 'POST flows: customNodes holds no flow of another application',
    outcome: 'failed',
    says: 'of another application',
  },
  {
    fault: 'custom-nodes-from-all-matches',
    aspect: 'query',
    id: 'GET flows: includeCustomNodes=true looks only at the flows of the page returned',
    outcome: 'warning',
    says: 'which no returned item references',
  },
  {
    fault: 'custom-nodes-versions-empty',
    aspect: 'query',
    id: 'GET flows/version: includeCustomNodes=true adds the custom nodes a returned version uses',
    outcome: 'warning',
    says: 'customNodes lacks',
  },
  {
    fault: 'custom-nodes-when-false',
    aspect: 'query',
    id: 'GET flows: includeCustomNodes=false adds no customNodes key',
    outcome: 'warning',
    says: 'the body has a customNodes key',
  },
  {
    fault: 'ties-by-creation-order',
    aspect: 'query',
    id: 'GET flows: ties of the sort field go by id ascending in both directions',
    outcome: 'warning',
    says: 'ties by id ascending',
  },
  {
    fault: 'post-400-still-stores',
    aspect: 'body',
    id: 'POST flows: invalid body "unknown-key" is refused',
    outcome: 'failed',
    says: 'refused with 400 created',
  },
  {
    fault: 'duplicate-query-crashes',
    aspect: 'query',
    id: 'GET flows: a parameter given twice (perPage=1&perPage=2) gets 400 or is served',
    outcome: 'failed',
    says: 'status 500',
  },
  {
    fault: 'filter-field-defaults-to-name',
    aspect: 'query',
    id: 'GET flows: filter without filterField filters nothing',
    outcome: 'failed',
    says: 'missing',
  },
  {
    fault: 'filter-field-defaults-to-name',
    aspect: 'query',
    id: 'GET flows/version: a blank filterField (filterField=) means no filtering',
    outcome: 'failed',
    says: 'missing',
  },
  {
    fault: 'query-names-case-insensitive',
    aspect: 'query',
    id: 'GET flows: a parameter name in another case (PerPage=1) is an unknown parameter',
    outcome: 'warning',
    says: 'missing',
  },
  {
    fault: 'import-no-id-maps',
    aspect: 'setup',
    id: 'POST flows/import: set-up: the versioned data set is created by Import',
    outcome: 'failed',
    says: 'maps no new id',
  },
];

describe('runner: deliberately broken mocks are caught by the right cases', function () {
  this.timeout(60_000);
  for (const expected of EXPECTED) {
    it(`${expected.aspect}: ${expected.fault} → ${expected.id}`, async () => {
      const report = await runOnMock([expected.fault]);
      const result = byId(report, expected.id);
      expect(result.outcome, result.failures.map(formatFailure).join('\n')).to.equal(expected.outcome);
      const message = result.failures.map(formatFailure).join('\n');
      expect(message).to.include(expected.says);
      expect(message).to.match(/curl (-g )?-X/);
      expect(message).to.not.include(ADMIN_TOKEN);
      if (message.includes('authorization:'))
        expect(message).to.match(/authorization: Bearer <(redacted|[^>]*token[^>]*)>/);
      expect(report.summary.total).to.equal(report.results.length);
    });
  }

  it('the correct mock: zero failures, zero warnings, zero skips', async () => {
    const report = await runOnMock();
    const problems = report.results.filter((result) => result.outcome !== 'passed');
    expect(
      problems.map((result) => `${result.id}: ${result.skipReason ?? result.failures[0]?.message}`),
    ).to.deep.equal([]);
    expect(report.summary).to.include({ failed: 0, warnings: 0, skipped: 0 });
  });

  it('a missing piece of the data set skips only what needs it: no cascade', async () => {
    const report = await runOnMock(['import-no-id-maps']);
    const skipped = report.results.filter((result) => result.outcome === 'skipped');
    expect(skipped.length).to.be.above(0);
    for (const result of skipped)
      expect(result.skipReason).to.match(/^needs data whose set-up did not succeed/);
    expect(skipped.map((result) => result.action)).to.not.include('flows.post');
    expect(byId(report, 'GET flows: filter=<prefix>a* matches by glob').outcome).to.equal('passed');
    expect(byId(report, 'GET flows/version: version returns the versions of that name').outcome).to.equal(
      'skipped',
    );
  });

  it('--strict turns a SHOULD failure into a failure', async () => {
    const report = await runOnMock(['version-case-insensitive'], {
      strict: true,
      grep: 'version matches case-sensitively',
    });
    expect(report.results.map((result) => result.outcome)).to.include('failed');
    expect(report.summary.failed).to.be.above(0);
  });
});

/**
 * In the same file as the cases above, so that one mocha worker makes the whole-suite runs both read.
 * The suite cannot pass a broken server (the faults only generated input finds, FOUND_BY_FUZZ, are
 * test/fuzz/fuzz.test.ts's): the kill matrix of `npm run mutants` (src/mutants), on the same
 * whole-suite runs as the fault tests. Every deliberate fault of the mock makes some case fail (or warn,
 * where its rule is a SHOULD), a MUST-level fault a MUST failure, and every named check fires on at least
 * one broken server.
 */
describe('runner: every fault of the mock is caught, every check catches one', function () {
  this.timeout(300_000);
  let matrix: MutantsMatrix;

  before(async () => {
    matrix = await computeMutants((fault) => runOnMock([fault]), Object.keys(CHECKS));
  });

  for (const fault of FAULT_NAMES) {
    it(`fault ${fault}: killed at the level of its rule`, () => {
      const outcome = matrix.faults.find((candidate) => candidate.fault === fault)!;
      expect(outcome.killedBy, 'cases that catch it').to.have.length.above(0);
      if (outcome.expectedLevel === 'MUST')
        expect(outcome.level, 'caught by a MUST failure').to.equal('MUST');
      expect(outcome.killed).to.equal(true);
    });
  }

  it('no MUST-level fault survives; the score is whole', () => {
    expect(matrix.survivingMust).to.deep.equal([]);
    expect([matrix.killed, matrix.total]).to.deep.equal([FAULT_NAMES.length, FAULT_NAMES.length]);
  });

  it('each case row lists the faults it kills, and they agree with the fault rows', () => {
    for (const row of matrix.cases)
      for (const fault of row.kills)
        expect(matrix.faults.find((outcome) => outcome.fault === fault)!.killedBy).to.include(row.id);
  });

  it('each named check reports a failure on at least one faulty server', () => {
    expect(matrix.silentChecks, 'checks no fault makes fail').to.deep.equal([]);
  });

  it('mutants.md gives the score and a row per fault', () => {
    const markdown = renderMutantsMarkdown(matrix);
    expect(markdown).to.include(`**Score: ${matrix.killed}/${matrix.total}`);
    for (const fault of FAULT_NAMES) expect(markdown).to.include(`\`${fault}\``);
  });
});
