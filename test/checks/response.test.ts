import { expect } from 'chai';
import { exchange, SECRET, run } from './support';

describe('checks: status, errorBody, schema, wwwAuthenticate, noLeak', () => {
  it('status passes on an expected status and fails with curl, rule and excerpt otherwise', () => {
    expect(run({ check: 'status', expect: [200] }, exchange(200, { items: [] }))).to.deep.equal([]);
    const [failure] = run({ check: 'status', expect: [400] }, exchange(200, { items: [] }));
    expect(failure.check).to.equal('status');
    expect(failure.level).to.equal('MUST');
    expect(failure.location).to.equal('flows-actions.md#get-error-responses');
    // Fields, not one formatted string: the reporters do the formatting.
    expect(failure.message).to.equal('status 200, expected 400');
    expect(failure.expected).to.equal('status 400');
    expect(failure.request).to.include(
      "curl -X GET -H 'accept: application/json' -H 'authorization: Bearer [REDACTED]'",
    );
    expect(failure.request).to.include(
      'http://api.test/applications/575ec8687ae143cd83dc4a97/flows?filterField=name',
    );
    expect(failure.actual).to.equal('200 (application/json) {"items":[]}');
    expect(failure.text).to.include('response: 200 (application/json) {"items":[]}');
    expect(failure.text).to.not.include(SECRET);
  });

  it('a SHOULD check names its decision', () => {
    const [failure] = run({ check: 'status', expect: [403], decision: 'authFailures' }, exchange(401, {}));
    expect(failure.level).to.equal('SHOULD');
    expect(failure.location).to.equal('docs/reference-decisions.md decision 1 (Auth failures)');
  });

  it('errorBody wants a JSON object with string type and message, and the named type', () => {
    expect(run({ check: 'errorBody' }, exchange(400, { type: 'Validation', message: 'bad' }))).to.deep.equal(
      [],
    );
    expect(run({ check: 'errorBody' }, exchange(400, 'Bad Request'))[0].text).to.include('not JSON');
    expect(run({ check: 'errorBody' }, exchange(400, { error: 'x' }))[0].text).to.include(
      'not an Error object',
    );
    expect(
      run({ check: 'errorBody', type: 'NotFound' }, exchange(404, { type: 'Gone', message: 'x' }))[0].text,
    ).to.include('Error type "Gone"');
  });

  it('schema validates the body and says where it breaks; a non-JSON body is a failure, not a crash', () => {
    expect(
      run({ check: 'schema', schema: 'error' }, exchange(400, { type: 'a', message: 'b' })),
    ).to.deep.equal([]);
    const [failure] = run({ check: 'schema', schema: 'workflows' }, exchange(200, { items: [{ id: 5 }] }));
    expect(failure.text).to.match(/\/items\/0/);
    expect(failure.location).to.equal('schemas.md#workflows');
    expect(run({ check: 'schema', schema: 'workflows' }, exchange(200, '<html>'))[0].text).to.include(
      'not JSON',
    );
    const long = run({ check: 'schema', schema: 'workflows' }, exchange(200, 'x'.repeat(5000)))[0].text;
    expect(long.length).to.be.below(1500);
  });

  it('wwwAuthenticate wants Bearer on a 401 and ignores other statuses', () => {
    expect(
      run({ check: 'wwwAuthenticate' }, exchange(401, {}, { 'www-authenticate': 'Bearer realm="api"' })),
    ).to.deep.equal([]);
    expect(run({ check: 'wwwAuthenticate' }, exchange(403, {}))).to.deep.equal([]);
    expect(run({ check: 'wwwAuthenticate' }, exchange(401, {}))[0].text).to.include('no WWW-Authenticate');
  });

  it('noLeak fails on a success, a collection, or a name of the data set', () => {
    expect(run({ check: 'noLeak' }, exchange(403, { type: 'Forbidden', message: 'no' }))).to.deep.equal([]);
    expect(run({ check: 'noLeak' }, exchange(200, { items: [] }))).to.have.length(1);
    expect(
      run({ check: 'noLeak' }, exchange(403, { type: 'Forbidden', message: 'fcx-d-alpha is private' }))[0]
        .text,
    ).to.include('000000000000000000000002');
  });
});
