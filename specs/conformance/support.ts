/// <reference types="mocha" />
import { expect } from 'chai';
import { actionById, type ActionId } from '../catalog';
import { CASES_BY_ACTION, caseLabel } from '../cases';
import { openSession, type Session } from '../../src/engine/session';
import { embeddedMock } from '../../src/mock/embedded';
import { environmentLayer, resolveTargetConfig } from '../../src/target/config';

/**
 * One spec per action: its case table, each case through the same engine as `flows-conformance run`,
 * against FLOWS_CONFORMANCE_TARGET (and the other FLOWS_CONFORMANCE_* variables) or the embedded mock.
 * On the mock SHOULD failures count too; on another target only with FLOWS_CONFORMANCE_STRICT=true.
 */
export function describeAction(actionId: ActionId): void {
  const config = resolveTargetConfig([environmentLayer(process.env)]);
  const enforceShould = config.baseUrl === undefined || config.strict;
  describe(`conformance: ${caseLabel(actionById(actionId))}`, function () {
    this.timeout(Math.max(30_000, config.timeoutMs * 4));
    let session: Session;
    before(async () => {
      session = await openSession(config, { startEmbedded: embeddedMock() });
    });
    after(async () => {
      await session?.close({ keepData: !config.cleanup });
    });
    for (const testCase of CASES_BY_ACTION[actionId]) {
      it(testCase.id, async function (this: Mocha.Context) {
        const result = await session.runCase(testCase);
        if (result.outcome === 'skipped') {
          expect(config.baseUrl, `skipped on the mock: ${result.skipReason}`).to.not.equal(undefined);
          this.skip();
        }
        const failures = result.failures.filter((failure) => enforceShould || failure.level === 'MUST');
        expect(failures).to.deep.equal([]);
      });
    }
  });
}
