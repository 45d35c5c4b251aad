import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { decisionLocation } from '../../src/checks/context';
import { type DecisionKey } from '../../specs/catalog';
import type { FaultName } from '../../src/mock';
import { HAR_FILE, VIOLATIONS_HEADER, writeProxyReports } from '../../src/proxy';
import type { Failure, Level } from '../../src/model/results';
import { proxiedMock, type ProxiedMock } from './support';
import { clientTraffic, type CallOutcome } from '../../src/mutants/client-traffic';

/** What the proxy must name for a broken variant: the check, its level and the rule it rests on. */
interface Expected {
  readonly check: string;
  readonly level: Level;
  /** The decision a SHOULD rests on; a MUST names a section of the reference or an RFC. */
  readonly decision?: DecisionKey;
}

const must = (check: string): Expected => ({ check, level: 'MUST' });
const should = (check: string, decision: DecisionKey): Expected => ({ check, level: 'SHOULD', decision });

/**
 * Broken variants of the mock the official client's traffic shows, one or more per kind of rule, those
 * of one exchange and those of the shadow. The rest the client's traffic cannot show:
 * src/mutants/proxy-blind.ts says why for each.
 */
const CAUGHT: Readonly<Partial<Record<FaultName, readonly Expected[]>>> = {
  'no-www-authenticate': [must('wwwAuthenticate')],
  'unauthorized-as-200': [must('status')],
  'sort-ignores-direction': [must('sortedBy')],
  'no-query-echo': [must('collectionEcho')],
  'post-returns-200': [must('listedStatus')],
  'post-id-as-number': [must('schema')],
  'post-skips-validation': [must('status')],
  'invalid-query-ignored': [must('status'), should('status', 'queryValidation')],
  'error-body-as-text': [must('errorBody')],
  'wrong-total-count': [must('pageWindow'), should('pageWindow', 'paging')],
  'no-flowclass-default': [should('itemSet', 'flowClassDefault')],
  'glob-question-as-star': [should('itemSet', 'filterGlobbing')],
  'version-case-insensitive': [should('itemSet', 'getByVersion')],
  'custom-nodes-all': [should('customNodes', 'includeCustomNodes')],
  'import-keeps-read-only': [should('importDefaults', 'importResult')],
  'post-stale-dates': [should('postDefaults', 'postResult')],
  // What needs more than one exchange, judged against the proxy's shadow of the model.
  'ignore-scopes': [must('status')],
  'ignore-application-binding': [must('status')],
  'expired-tokens-accepted': [must('status')],
  'revoked-tokens-accepted': [must('status')],
  'forbidden-names-application': [must('noLeak')],
  'drops-description': [must('roundTrip')],
  'paging-one-based': [must('pagesPartition')],
  'trigger-filter-own-triggers': [must('itemSet')],
  'filter-field-defaults-to-name': [must('itemSet')],
  'custom-nodes-cross-application': [must('noForeignData')],
  'import-no-id-maps': [should('importMaps', 'importResult'), must('importMaps')],
  'custom-nodes-versions-empty': [should('customNodes', 'includeCustomNodes')],
};

const failuresOf = (proxied: ProxiedMock): Failure[] =>
  proxied.proxy.log.results.flatMap((result) => result.failures);

describe('proxy: the official losant-rest client through the proxy', function () {
  this.timeout(120_000);

  describe('against the reference mock', () => {
    let proxied: ProxiedMock;
    let outcomes: CallOutcome[];
    let reportDir: string;
    const headers: (string | undefined)[] = [];

    before(async () => {
      proxied = await proxiedMock();
      outcomes = await clientTraffic(proxied.url);
      // One more exchange, read raw, to see the proxy's headers.
      const answer = await fetch(`${proxied.url}/applications/575ec8687ae143cd83dc4a97/flows`, {
        headers: { authorization: `Bearer ${proxied.mock.tokenFor(['flows.get'])}` },
      });
      headers.push(answer.headers.get(VIOLATIONS_HEADER) ?? undefined);
      reportDir = mkdtempSync(path.join(os.tmpdir(), 'proxy-reports-'));
      await writeProxyReports(proxied.proxy.log, reportDir, '0.0.0-test');
    });
    after(async () => {
      await proxied.close();
      rmSync(reportDir, { recursive: true, force: true });
    });

    it('calls every action, valid and invalid calls alike', () => {
      const actions = new Set(proxied.proxy.log.results.map((result) => result.action));
      expect([...actions].sort()).to.deep.equal([
        'flows.get',
        'flows.getByVersion',
        'flows.import',
        'flows.post',
      ]);
      expect(outcomes.map((outcome) => outcome.status)).to.include.members([200, 400, 401, 404]);
    });

    it('reports 0 violations, not even a warning', () => {
      expect(failuresOf(proxied)).to.deep.equal([]);
      expect(proxied.proxy.log.results.every((result) => result.outcome === 'passed')).to.equal(true);
      expect(headers).to.deep.equal([undefined]);
    });

    it('writes the reports of run and a HAR of every exchange, with no token or password in any file', () => {
      const files = readdirSync(reportDir).sort();
      expect(files).to.include.members([
        'conformance.json',
        'junit.xml',
        'summary.md',
        'index.html',
        HAR_FILE,
      ]);
      const har = JSON.parse(readFileSync(path.join(reportDir, HAR_FILE), 'utf8')) as {
        log: { entries: { request: { url: string; headers: { name: string; value: string }[] } }[] };
      };
      expect(har.log.entries.length).to.equal(proxied.proxy.log.records.length);
      expect(har.log.entries.some((entry) => new URL(entry.request.url).pathname === '/auth/user')).to.equal(
        true,
      );
      const report = JSON.parse(readFileSync(path.join(reportDir, 'conformance.json'), 'utf8')) as {
        results: { aspect: string }[];
      };
      expect(report.results.length).to.equal(proxied.proxy.log.results.length);
      expect(report.results.every((result) => result.aspect === 'traffic')).to.equal(true);
      for (const file of files) {
        const content = readFileSync(path.join(reportDir, file), 'utf8');
        for (const secret of proxied.proxy.log.secrets) expect(content, file).not.to.include(secret);
        expect(content, file).not.to.match(/mock\.[A-Za-z0-9_-]{32}/);
        expect(content, file).not.to.include('flows-conformance-password');
      }
    });
  });

  it('against other-choices, a correct server that chooses otherwise where the reference leaves it open: 0 violations', async () => {
    const proxied = await proxiedMock([], {}, 'other-choices');
    try {
      await clientTraffic(proxied.url);
      expect(proxied.proxy.log.results.length).to.be.greaterThan(30);
      expect(failuresOf(proxied)).to.deep.equal([]);
    } finally {
      await proxied.close();
    }
  });

  describe('against broken variants of the mock', () => {
    const found = new Map<FaultName, Failure[]>();
    before(async () => {
      const faults = Object.keys(CAUGHT) as FaultName[];
      // A few at a time: each run mostly waits on loopback round trips.
      for (let start = 0; start < faults.length; start += 4)
        await Promise.all(
          faults.slice(start, start + 4).map(async (fault) => {
            const proxied = await proxiedMock([fault]);
            try {
              await clientTraffic(proxied.url);
              found.set(fault, failuresOf(proxied));
            } finally {
              await proxied.close();
            }
          }),
        );
    });

    for (const [fault, expected] of Object.entries(CAUGHT) as [FaultName, Expected[]][]) {
      it(`${fault}: ${expected.map((entry) => `${entry.level} ${entry.check}`).join(', ')}, with its rule`, () => {
        const failures = found.get(fault) ?? [];
        for (const entry of expected) {
          const named = failures.filter(
            (failure) => failure.check === entry.check && failure.level === entry.level,
          );
          expect(
            named.length,
            `${entry.level} ${entry.check} among ${failures.map((f) => `${f.level} ${f.check}`).join(', ')}`,
          ).to.be.greaterThan(0);
          // Several rules may share a code (the single exchange's and the shadow's): one names the decision.
          if (entry.decision)
            expect(named.map((failure) => failure.location)).to.include(decisionLocation(entry.decision));
          for (const failure of named) {
            if (!entry.decision)
              expect(failure.location).to.match(
                /flows-actions\.md|schemas\.md|docs\/reference-decisions\.md|spec\/README\.md|docs\/decisions\.md|RFC /,
              );
            expect(failure.request).to.match(/^curl /);
          }
        }
      });
    }
  });
});
