import { expect } from 'chai';
import { MOCK_APPLICATION_ID } from '../../src/mock';
import { VIOLATIONS_HEADER } from '../../src/proxy';
import { proxiedMock, type ProxiedMock } from './support';

const FLOWS = `/applications/${MOCK_APPLICATION_ID}/flows`;

describe('proxy --errors: a MUST violation becomes a 502 Error body', function () {
  this.timeout(30_000);
  let proxied: ProxiedMock;
  before(async () => {
    proxied = await proxiedMock(['post-returns-200', 'no-flowclass-default'], { errors: true });
  });
  after(() => proxied.close());
  const bearer = (scope: string) => ({ authorization: `Bearer ${proxied.mock.tokenFor([scope])}` });

  it('a Post answered 200 (not documented): 502, the violations listed with their rules', async () => {
    const answer = await fetch(`${proxied.url}${FLOWS}`, {
      method: 'POST',
      headers: { ...bearer('flows.post'), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'errors mode' }),
    });
    expect(answer.status).to.equal(502);
    const body = (await answer.json()) as {
      type: string;
      message: string;
      violations: { level: string; check: string; rule: string }[];
    };
    expect(body.type).to.equal('ConformanceViolation');
    expect(body.message).to.include('listedStatus');
    expect(body.violations).to.deep.include({
      ...body.violations.find((violation) => violation.check === 'listedStatus'),
      level: 'MUST',
      rule: 'flows-actions.md#post-successful-responses',
    });
    expect(answer.headers.get(VIOLATIONS_HEADER)).to.include('listedStatus');
  });

  it('a SHOULD violation alone is forwarded as it came, named in the header only', async () => {
    const answer = await fetch(`${proxied.url}${FLOWS}`, { headers: bearer('flows.get') });
    expect(answer.status).to.equal(200);
    const violations = JSON.parse(answer.headers.get(VIOLATIONS_HEADER) ?? '[]') as { level: string }[];
    expect(violations.map((violation) => violation.level)).to.deep.equal(violations.map(() => 'SHOULD'));
    expect(violations.length).to.be.greaterThan(0);
  });
});
