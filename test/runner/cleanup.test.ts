import { expect } from 'chai';
import { ADMIN_TOKEN, listeningMock, startRunOnUrl } from './support';

/** `--no-cleanup` keeps the flows for a person to look at; the tokens the run minted are revoked anyway. */
describe('runner: clean-up', function () {
  this.timeout(60_000);

  for (const cleanup of [true, false])
    it(`${cleanup ? 'with' : 'with --no-cleanup'}: every application token the run minted is revoked at the end`, async () => {
      const { mock, url } = await listeningMock();
      try {
        const outcome = await startRunOnUrl(url, {
          cleanup,
          grep: 'revoked|expired|a token with only flows',
        });
        const minted = outcome.secrets
          .filter((secret) => secret !== ADMIN_TOKEN)
          .map((secret) => mock.store.tokenBySecret(secret))
          .filter((record) => record !== undefined && record.applicationId !== null);
        expect(minted.length, 'tokens minted through the tokens endpoint').to.be.above(3);
        const live = minted.filter((record) => mock.store.usableToken(record!.secret) !== undefined);
        expect(live.map((record) => record!.scopes)).to.deep.equal([]);
        const kept = [...(mock.store.application(mock.store.applicationIds()[0])?.flows.values() ?? [])];
        expect(kept.length > 0, 'flows kept').to.equal(!cleanup);
      } finally {
        await mock.close();
      }
    });
});
