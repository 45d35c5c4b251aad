import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_CASES } from '../../specs/cases';
import { makeCase, VALID_REQUESTS, withQuery, successChecks } from '../../specs/cases/build';
import { PACKAGE_ROOT } from '../../src/paths';
import { canonicalJson, caseKey, keyOf } from '../../src/model/case-key';
import { runTs } from '../support/cli';

const KEY_SHAPE = /^(get|get-by-version|post|import)-(setup|auth|query|status|schema|body)-[0-9a-f]{6}$/;

describe('engine: every case has a short stable key beside its sentence', () => {
  it('keys are unique and short, each naming its action and aspect', () => {
    const keys = ALL_CASES.map((item) => item.key);
    expect(new Set(keys).size).to.equal(keys.length);
    for (const item of ALL_CASES) expect(item.key, item.id).to.match(KEY_SHAPE);
    const sample = ALL_CASES.find((item) => item.action === 'flows.getByVersion' && item.aspect === 'auth');
    expect(sample?.key).to.match(/^get-by-version-auth-/);
  });

  it('a second build of the cases, in another process, gives every case the same key', async function () {
    this.timeout(60_000);
    const child = await runTs([path.join(__dirname, 'print-case-keys.ts')]);
    expect(child.stderr).to.equal('');
    const fresh = JSON.parse(child.stdout) as Record<string, string>;
    expect(fresh).to.deep.equal(Object.fromEntries(ALL_CASES.map((item) => [item.id, item.key])));
  });

  it('rewording the sentence keeps the key; changing what is sent or checked changes it', () => {
    const input = {
      action: 'flows.get',
      aspect: 'query',
      fact: 'sortDirection=desc reverses the order',
      requests: [withQuery('flows.get', [['sortDirection', 'desc']])],
      checks: successChecks('flows.get'),
    } as const;
    const original = makeCase(input);
    const reworded = makeCase({ ...input, fact: 'descending sort reverses the order' });
    expect(reworded.id).not.to.equal(original.id);
    expect(reworded.key).to.equal(original.key);
    expect(makeCase({ ...input, requests: [VALID_REQUESTS['flows.get']] }).key).not.to.equal(original.key);
    expect(makeCase({ ...input, checks: successChecks('flows.get').slice(1) }).key).not.to.equal(
      original.key,
    );
    expect(makeCase({ ...input, aspect: 'status' }).key).not.to.equal(original.key);
  });

  it('the key reads data, not the order its fields were written in', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: undefined }], a: 'x' })).to.equal('{"a":"x","b":[1,{"d":2}]}');
    const one = caseKey({ action: 'flows.post', aspect: 'body', data: { x: 1, y: [2] } });
    expect(caseKey({ action: 'flows.post', aspect: 'body', data: { y: [2], x: 1 } })).to.equal(one);
    expect(one).to.match(/^post-body-[0-9a-f]{6}$/);
  });

  it('expectations.example.json names real cases, by key', () => {
    const example = JSON.parse(
      readFileSync(path.join(PACKAGE_ROOT, 'expectations.example.json'), 'utf8'),
    ) as {
      expectedFailures: Record<string, string>;
    };
    const keys = new Set(ALL_CASES.map((item) => item.key));
    const entries = Object.keys(example.expectedFailures);
    expect(entries.length).to.be.greaterThan(0);
    expect(entries.filter((entry) => !keys.has(entry))).to.deep.equal([]);
  });

  it('a result without a key (an exchange proxy judged) is named by its id', () => {
    expect(keyOf({ id: '#000001 GET /flows' })).to.equal('#000001 GET /flows');
    expect(keyOf({ id: 'GET flows: x', key: 'get-query-abcdef' })).to.equal('get-query-abcdef');
  });
});
