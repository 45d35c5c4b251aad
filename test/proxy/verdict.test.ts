import { expect } from 'chai';
import { actionById, type ActionId } from '../../specs/catalog';
import type { Failure } from '../../src/model/results';
import { requestVerdict, type RequestVerdict } from '../../src/proxy/request-verdict';
import { violationsHeaderValue } from '../../src/proxy/violations';

const APPLICATION = '575ec8687ae143cd83dc4a97';

const verdictOf = (
  action: ActionId,
  rawQuery: string,
  body?: string,
  contentType = 'application/json',
): RequestVerdict =>
  requestVerdict({
    action: actionById(action),
    applicationId: APPLICATION,
    rawQuery,
    contentType,
    authorization: 'Bearer t',
    ...(body !== undefined && { body: { text: body, bytes: Buffer.byteLength(body), truncated: false } }),
  });

/** kind, level and decision: what the verdict means for the answer. */
const shape = (verdict: RequestVerdict) => [
  verdict.kind,
  'level' in verdict ? verdict.level : undefined,
  'decision' in verdict ? verdict.decision : undefined,
];

describe('proxy: the verdict on a request, by the levels of docs/decisions.md', () => {
  const rows: [string, ActionId, string, string | undefined, unknown[]][] = [
    [
      'a valid query',
      'flows.get',
      'sortField=id&perPage=10&filterField=name&filter=a*',
      undefined,
      ['serve', 'MUST', undefined],
    ],
    [
      'a value outside the accepted ones (decision 3)',
      'flows.get',
      'sortField=bogus',
      undefined,
      ['refuse', 'MUST', undefined],
    ],
    ['perPage=0 (decision 3)', 'flows.get', 'perPage=0', undefined, ['refuse', 'MUST', undefined]],
    [
      'a malformed triggerFilter (decision 3)',
      'flows.get',
      'triggerFilter[0][color]=red',
      undefined,
      ['refuse', 'MUST', undefined],
    ],
    ['a missing version (decision 3)', 'flows.getByVersion', '', undefined, ['refuse', 'MUST', undefined]],
    [
      'perPage above 1000 (decision 3, SHOULD)',
      'flows.get',
      'perPage=1001',
      undefined,
      ['refuse', 'SHOULD', 'queryValidation'],
    ],
    [
      'a parameter given twice (P5)',
      'flows.get',
      'perPage=1&perPage=2',
      undefined,
      ['refuse', 'SHOULD', 'queryEdges'],
    ],
    ['a blank sortField (P5)', 'flows.get', 'sortField=', undefined, ['refuse', 'SHOULD', 'queryEdges']],
    [
      'a blank triggerFilter counts as absent (P5)',
      'flows.get',
      'triggerFilter=',
      undefined,
      ['serve', 'SHOULD', 'queryEdges'],
    ],
    [
      'a blank filter means no filtering (the reference)',
      'flows.get',
      'filter=',
      undefined,
      ['serve', 'MUST', undefined],
    ],
    [
      'unknown parameters are ignored (decision 3)',
      'flows.get',
      '_actions=false&PerPage=0',
      undefined,
      ['serve', 'SHOULD', 'queryValidation'],
    ],
    ['a valid Post body', 'flows.post', '', '{"name":"a"}', ['serve', 'MUST', undefined]],
    [
      'a Post body the schema refuses',
      'flows.post',
      '',
      '{"name":"a","color":"red"}',
      ['refuse', 'MUST', undefined],
    ],
    ['a Post body that is not JSON', 'flows.post', '', '{"name":', ['refuse', 'MUST', undefined]],
    ['a Post without a body', 'flows.post', '', undefined, ['refuse', 'MUST', undefined]],
    ['a Post body sent as text (P2)', 'flows.post', '', '{"name":"a"}', ['refuse', 'SHOULD', 'bodyLimits']],
    [
      'an Import version naming no flow of the bundle (decision 11)',
      'flows.import',
      '',
      '{"flows":[],"flowVersions":[{"flowId":"c0000000000000000000000f","version":"v1"}]}',
      ['refuse', 'SHOULD', 'importResult'],
    ],
  ];
  for (const [fact, action, query, body, expected] of rows) {
    it(`${fact}: ${expected.filter(Boolean).join(' ')}`, () => {
      const contentType = fact.includes('as text') ? 'text/plain' : 'application/json';
      expect(shape(verdictOf(action, query, body, contentType))).to.deep.equal(expected);
    });
  }

  it('no Authorization header: refused (every action requires a token)', () => {
    const verdict = requestVerdict({
      action: actionById('flows.get'),
      applicationId: APPLICATION,
      rawQuery: '',
    });
    expect(shape(verdict)).to.deep.equal(['refuse', 'MUST', undefined]);
  });

  it('a malformed application id: refused with 400 or 404 (decision 2)', () => {
    const verdict = requestVerdict({
      action: actionById('flows.get'),
      applicationId: 'nope',
      rawQuery: '',
      authorization: 'Bearer t',
    });
    expect(shape(verdict)).to.deep.equal(['refuse', 'MUST', 'unknownApplication']);
  });
});

describe('proxy: the violations header', () => {
  const failure = (index: number, level: Failure['level']): Failure => ({
    check: 'schema',
    caseId: 'x',
    level,
    message: `problem ${index} — with “quotes” and\nnew lines ${'x'.repeat(300)}`,
    location: 'schemas.md#workflow',
  });

  it('is absent without violations', () => {
    expect(violationsHeaderValue([])).to.equal(undefined);
  });

  it('is one ASCII line of JSON, MUST first, bounded, saying how many it left out', () => {
    const value = violationsHeaderValue([
      failure(0, 'SHOULD'),
      ...Array.from({ length: 100 }, (_, index) => failure(index + 1, 'MUST')),
    ]) as string;
    expect(value).to.match(/^[\x20-\x7e]+$/);
    expect(value.length).to.be.at.most(4000);
    const parsed = JSON.parse(value) as { level?: string; more?: number }[];
    expect(parsed[0].level).to.equal('MUST');
    expect(parsed.at(-1)?.more).to.be.a('number');
    expect(parsed.length - 1 + (parsed.at(-1)?.more ?? 0)).to.equal(101);
  });
});
