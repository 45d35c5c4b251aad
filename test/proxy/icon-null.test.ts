import { expect } from 'chai';
import { MOCK_APPLICATION_ID } from '../../src/mock';
import { VIOLATIONS_HEADER } from '../../src/proxy';
import { proxiedMock, type ProxiedMock } from './support';

const FLOWS = `/applications/${MOCK_APPLICATION_ID}/flows`;

describe('proxy --errors: a Post of iconData null, answered without an icon (issue 20)', function () {
  this.timeout(30_000);
  let proxied: ProxiedMock;
  before(async () => {
    proxied = await proxiedMock([], { errors: true });
  });
  after(() => proxied.close());
  const post = (body: object) =>
    fetch(`${proxied.url}${FLOWS}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${proxied.mock.tokenFor(['flows.post'])}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });

  // The rule is shared with run's roundTrip check, whose tests show a dropped or changed field caught.
  it('is correct: the client gets its 201 and no violation is named', async () => {
    const answer = await post({ name: 'no icon', iconData: null });
    expect(answer.status).to.equal(201);
    expect(answer.headers.get(VIOLATIONS_HEADER)).to.equal(null);
    expect(((await answer.json()) as Record<string, unknown>).iconData).to.equal(undefined);
  });
});
