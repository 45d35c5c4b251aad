import { expect } from 'chai';
import { ACTIONS, actionAt, pathFor, successResponse } from '../../specs/catalog';
import type { RunReport } from '../../src/engine/results';
import { MOCK_APPLICATION_ID, type MockServer } from '../../src/mock';
import { referenceExample } from '../../src/pact/examples';
import type { ListeningProxy } from '../support/loopback-proxy';
import { ADMIN_TOKEN, listeningMock, runOnUrl } from '../runner/support';
import { prismVersion, startPrism, type PrismProcess } from './prism-process';
import {
  startForwardingProxy,
  startRecordingProxy,
  violationsIn,
  type RecordedExchange,
} from './recording-proxy';

/**
 * `prism proxy` with the export in front of the reference mock while the whole suite goes through it
 * (one run, one case at a time so that each exchange belongs to the case that sent it). Prism checks
 * every request and every answer against the document.
 */

const notPassedOrSkipped = (run: RunReport): string[] =>
  run.results
    .filter((result) => result.outcome !== 'passed' && result.outcome !== 'skipped')
    .map((result) => result.id);

const SESSION = '(session: tokens and data set)';
const CLEANUP = '(cleanup)';

/** The requests the suite sends invalid on purpose that Prism, reading only the document, flags. */
const QUERY_REFUSALS = [
  'sortField=bogus gets 400',
  'sortDirection=bogus gets 400',
  'page=-1 gets 400',
  'page=abc gets 400',
  'perPage=-1 gets 400',
  'perPage=abc gets 400',
  'perPage=0 gets 400',
  'filterField=bogus gets 400',
  'flowClass=bogus gets 400',
  'a parameter given twice (perPage=1&perPage=2) gets 400 or is served',
  'a malformed query gets 400',
  'the 400 body is an Error',
];
const NO_USABLE_TOKEN = [
  'no Authorization header is refused',
  'a malformed Authorization header is refused',
  'the 401 body is an Error',
  // The document gives APPLICATION_ID the catalog's 24-hex pattern.
  'a malformed application id gets 400 or 404',
];
/** The catalog's 400 recipe of a create (`badRequest`): a body its schema refuses. */
const BODY_RECIPE = ['the 400 body is an Error'];
const POST_INVALID_BODIES = [
  'body-not-object',
  'custom-node-config-required',
  'custom-node-field-type-enum',
  'custom-node-output-count-enum',
  'custom-node-result-mode-enum',
  'custom-node-select-options-missing',
  'custom-node-supports-enum',
  'description-not-string',
  'enabled-not-boolean',
  'flow-class-enum',
  'global-json-empty',
  'global-json-missing',
  'global-key-pattern',
  'globals-too-many',
  'icon-data-pattern',
  'minimum-agent-version-pattern',
  'name-empty',
  'name-missing',
  'name-too-long',
  'node-output-ids-too-many',
  'node-type-empty',
  'node-type-missing',
  'read-only-key',
  'trigger-type-enum',
  'trigger-type-missing',
  'trigger-unknown-key',
  'triggers-not-array',
  'unknown-key',
];
const IMPORT_INVALID_BODIES = [
  'body-not-object',
  'flow-default-version-id-pattern',
  'flow-id-pattern',
  'flow-name-missing',
  'flow-trigger-type-enum',
  'flow-unknown-key-not-string',
  'flow-unknown-key-too-long',
  'flow-version-unknown-key-not-string',
  'flow-version-version-missing',
  'flow-versions-too-many',
  'flows-not-array',
  'flows-too-many',
  'unknown-top-level-key',
];
const invalidBody = (name: string) => `invalid body "${name}" is refused`;

const EXPECTED_FLAGGED: Readonly<Record<string, readonly string[]>> = {
  'GET flows': [...QUERY_REFUSALS, ...NO_USABLE_TOKEN],
  'GET flows/version': [
    ...QUERY_REFUSALS,
    'a missing version gets 400',
    'a blank version (version=) gets 400',
    ...NO_USABLE_TOKEN,
  ],
  'POST flows/import': [
    ...NO_USABLE_TOKEN,
    'a bundle with one invalid flow imports nothing',
    'a bundle with one invalid version imports nothing',
    ...IMPORT_INVALID_BODIES.map(invalidBody),
    ...BODY_RECIPE,
    'a body with an empty flow name (minLength 1) gets 400',
  ],
  'POST flows': [
    ...NO_USABLE_TOKEN,
    ...POST_INVALID_BODIES.map(invalidBody),
    ...BODY_RECIPE,
    'a body with an empty name (minLength 1) gets 400',
  ],
};

/**
 * The suite's invalid requests (the mock answers 400) that Prism lets through, each with why: what
 * the document cannot say, or what Prism (5.14.2, as 5.16) does not check. docs/openapi.md lists the same.
 */
const BLANK_VALUES = ['sortField', 'sortDirection', 'page', 'perPage', 'flowClass', 'includeCustomNodes'].map(
  (name) => `a blank ${name} (${name}=) gets 400`,
);
const QUERY_NOT_FLAGGED = [
  // The 1000 is a SHOULD of the reference: the document sets no maximum a server may exceed.
  'perPage=1001 gets 400',
  // deepObject describes one object; an array of them (triggerFilter[0][key]) is beyond what Prism parses.
  'a malformed triggerFilter gets 400',
  // A 400 by decision P5; Prism does not flag an empty query value (allowEmptyValue left at its default).
  ...BLANK_VALUES,
];
const EXPECTED_NOT_FLAGGED: Readonly<Record<string, readonly string[]>> = {
  'GET flows': QUERY_NOT_FLAGGED,
  'GET flows/version': QUERY_NOT_FLAGGED,
  'POST flows/import': [
    // References between the flows and versions of a bundle: no JSON Schema can express them.
    'a version pointing at no flow of the bundle imports nothing',
    'a defaultVersionId naming a version of another flow imports nothing',
  ],
};

/** Bodies that are not JSON: Prism 5.16 never answers them (stoplightio/prism#2664); they go around it. */
const EXPECTED_BYPASSED: Readonly<Record<string, readonly string[]>> = {
  'POST flows/import': ['a body that is not JSON gets 400'],
  'POST flows': ['a body that is not JSON gets 400'],
};

const idsOf = (table: Readonly<Record<string, readonly string[]>>): string[] =>
  Object.entries(table)
    .flatMap(([prefix, names]) => names.map((name) => `${prefix}: ${name}`))
    .sort();

const ROUTE_NOT_FOUND = 'Selected route not found';

/** A request line of one of the catalog's operations. */
const isDocumented = ({ method, url }: RecordedExchange): boolean =>
  actionAt(method, url.split('?')[0]) !== undefined;

const requestErrors = (exchange: RecordedExchange) =>
  exchange.violations.filter(
    (violation) => violation.location[0] === 'request' && violation.message !== ROUTE_NOT_FOUND,
  );
const responseViolations = (exchange: RecordedExchange) =>
  exchange.violations.filter((violation) => violation.location[0] === 'response');

/** Each case with the exchanges it caused, in order; the session's and the cleanup's apart. */
type ExchangesByCase = Map<string, RecordedExchange[]>;

const casesWhere = (byCase: ExchangesByCase, test: (exchange: RecordedExchange) => boolean): string[] =>
  [...byCase.entries()]
    .filter(([, exchanges]) => exchanges.some(test))
    .map(([id]) => id)
    .sort();

const isFlagged = (exchange: RecordedExchange) => requestErrors(exchange).length > 0;

describe('openapi: Prism proxies the suite to the mock and validates every exchange', function () {
  this.timeout(600_000);
  let mock: MockServer | undefined;
  let faulty: MockServer | undefined;
  let prism: PrismProcess | undefined;
  let recorder: ListeningProxy | undefined;
  let switchboard: ListeningProxy | undefined;
  let upstream = '';
  let report: RunReport;
  const byCase: ExchangesByCase = new Map();
  const allExchanges = () => [...byCase.values()].flat();

  before(async () => {
    const sound = await listeningMock();
    mock = sound.mock;
    upstream = sound.url;
    // Prism's upstream is a switch, so that the failure tests put a faulty mock behind the same Prism.
    switchboard = await startForwardingProxy(() => upstream);
    prism = await startPrism(['proxy', switchboard.url], ['--errors', 'false']);
    let pending: RecordedExchange[] = [];
    const closeAs = (id: string) => {
      byCase.set(id, [...(byCase.get(id) ?? []), ...pending]);
      pending = [];
    };
    recorder = await startRecordingProxy(prism.url, switchboard.url, (exchange) => pending.push(exchange));
    // One case at a time: every exchange recorded before a case ends is that case's.
    report = await runOnUrl(recorder.url, { concurrency: 1 }, [
      (event) => {
        if (event.type === 'run:start') closeAs(SESSION);
        if (event.type === 'case:end') closeAs(event.result.id);
      },
    ]);
    closeAs(CLEANUP);
  });

  after(async () => {
    await recorder?.close();
    await prism?.stop();
    await switchboard?.close();
    await mock?.close();
    await faulty?.close();
  });

  it('serves the whole suite, which passes through it as it does against the mock', () => {
    const exchanges = allExchanges();
    const validated = exchanges.filter((exchange) => !exchange.bypassedPrism && isDocumented(exchange));
    // The figures docs/openapi.md quotes.
    console.log(
      `      Prism ${prismVersion()}: ${exchanges.length - exchanges.filter((exchange) => exchange.bypassedPrism).length} requests served, ${validated.length} validated against the document, ${casesWhere(byCase, isFlagged).length} cases flagged`,
    );
    expect(report.summary.aborted).to.equal(undefined);
    expect(notPassedOrSkipped(report)).to.deep.equal([]);
    expect(validated.length).to.be.greaterThan(report.results.length);
  });

  it('finds no violation in any answer of the mock', () => {
    const found = allExchanges().flatMap((exchange) =>
      responseViolations(exchange).map(
        (violation) => `${exchange.method} ${exchange.url}: ${violation.message}`,
      ),
    );
    expect(found).to.deep.equal([]);
  });

  it('flags exactly the listed invalid requests, each refused by the mock too', () => {
    expect(casesWhere(byCase, isFlagged)).to.deep.equal(idsOf(EXPECTED_FLAGGED));
    const served = allExchanges()
      .filter((exchange) => isFlagged(exchange) && exchange.status < 400)
      .map((exchange) => `${exchange.method} ${exchange.url} → ${exchange.status}`);
    expect(served).to.deep.equal([]);
  });

  it('lets through only the listed 400s, and no valid request is flagged', () => {
    const refusedUnflagged = casesWhere(
      byCase,
      (exchange) => exchange.status === 400 && !isFlagged(exchange) && !exchange.bypassedPrism,
    );
    expect(refusedUnflagged).to.deep.equal(idsOf(EXPECTED_NOT_FLAGGED));
    expect(casesWhere(byCase, (exchange) => exchange.bypassedPrism)).to.deep.equal(idsOf(EXPECTED_BYPASSED));
    // The other refusals (401 with a token, 403, 404) turn on tokens and stored data the document
    // cannot see; every request answered 2xx is free of any request violation.
    const flaggedServed = allExchanges().filter((exchange) => exchange.status < 300 && isFlagged(exchange));
    expect(flaggedServed).to.deep.equal([]);
  });

  it('knows every request to the four operations; only the token routes and cleanup are outside it', () => {
    const unknown = allExchanges().filter((exchange) =>
      exchange.violations.some((violation) => violation.message === ROUTE_NOT_FOUND),
    );
    expect(
      unknown.filter(isDocumented).map((exchange) => `${exchange.method} ${exchange.url}`),
    ).to.deep.equal([]);
    const outside = allExchanges().filter((exchange) => !isDocumented(exchange) && !exchange.bypassedPrism);
    expect(unknown).to.have.length(outside.length);
  });

  describe('a mock that breaks the document', () => {
    before(async () => {
      const broken = await listeningMock(['post-id-as-number', 'error-body-as-text']);
      faulty = broken.mock;
      upstream = broken.url;
    });

    const send = async (method: string, route: string, body?: unknown): Promise<RecordedExchange> => {
      const response = await fetch(`${prism?.url}${route}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      return {
        method,
        url: route,
        status: response.status,
        violations: violationsIn(response.headers.get('sl-violations') ?? undefined),
        bypassedPrism: false,
      };
    };

    it('is caught: a Post answered with a number as id', async () => {
      const action = ACTIONS.find((candidate) => candidate.id === 'flows.post');
      if (!action?.requestBody) throw new Error('no Post action in the catalog');
      const exchange = await send(
        'POST',
        pathFor(action, { APPLICATION_ID: MOCK_APPLICATION_ID }),
        referenceExample(action.requestBody.exampleFixture),
      );
      expect(exchange.status).to.equal(successResponse(action).status);
      expect(responseViolations(exchange).map((violation) => violation.location.join('.'))).to.include(
        'response.body.id',
      );
    });

    it('is caught: an error sent as text/plain', async () => {
      const action = ACTIONS.find((candidate) => candidate.id === 'flows.get');
      if (!action) throw new Error('no Get action in the catalog');
      const exchange = await send(
        'GET',
        `${pathFor(action, { APPLICATION_ID: MOCK_APPLICATION_ID })}?sortField=bogus`,
      );
      expect(exchange.status).to.equal(400);
      expect(isFlagged(exchange)).to.equal(true);
      expect(responseViolations(exchange)).to.not.deep.equal([]);
    });
  });
});
