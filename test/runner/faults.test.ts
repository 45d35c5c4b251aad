import { expect } from 'chai';
import type { FaultName } from '../../src/mock';
import { ADMIN_TOKEN, byId, runOnMock } from './support';

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
  {
    fault: 'paging-one-based',
    aspect: 'query',
    id: 'GET flows: pages of perPage=3 hold every item exactly once',
    outcome: 'warning',
    says: 'spec/README.md decision',
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
];

describe('runner: deliberately broken mocks are caught by the right cases', function () {
  this.timeout(60_000);
  for (const expected of EXPECTED) {
    it(`${expected.aspect}: ${expected.fault} → ${expected.id}`, async () => {
      const report = await runOnMock([expected.fault]);
      const result = byId(report, expected.id);
      expect(result.outcome, result.failures.map((failure) => failure.message).join('\n')).to.equal(
        expected.outcome,
      );
      const message = result.failures.map((failure) => failure.message).join('\n');
      expect(message).to.include(expected.says);
      expect(message).to.include('curl -X');
      expect(message).to.not.include(ADMIN_TOKEN);
      if (message.includes('authorization:')) expect(message).to.include('Bearer <redacted>');
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

  it('--strict turns a SHOULD failure into a failure', async () => {
    const report = await runOnMock(['paging-one-based'], { strict: true, grep: 'pages of perPage' });
    expect(report.results.map((result) => result.outcome)).to.include('failed');
    expect(report.summary.failed).to.be.above(0);
  });
});
