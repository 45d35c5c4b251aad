import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { DATE_TIME_PATTERN } from '../../../src/pact/date-time';
import { parseVerifierJson } from '../../../src/pact/verifier-output';
import { withoutRootCertificates } from '../../../src/pact/root-certificates';

/**
 * `verify-instants.ts WORK_DIR INSTANTS_JSON`: has Pact's own verifier (the Rust matching engine that
 * `verify` uses) judge each instant against the date-time matcher: a pact with one interaction per
 * instant, `GET /instants/{i}` answering `{"instant": <the instant>}` from a loopback server. Writes the
 * descriptions of the failed interactions to WORK_DIR/failed.json.
 */
async function verifyInstants([workDir, instantsJson]: string[]): Promise<void> {
  const instants = JSON.parse(instantsJson) as string[];
  const interactions = instants.map((_, index) => ({
    type: 'Synchronous/HTTP',
    description: `instant ${index}`,
    request: { method: 'GET', path: `/instants/${index}` },
    response: {
      status: 200,
      headers: { 'Content-Type': ['application/json'] },
      body: {
        contentType: 'application/json',
        encoded: false,
        content: { instant: '2016-06-13T04:00:00.000Z' },
      },
      matchingRules: {
        body: { '$.instant': { combine: 'AND', matchers: [{ match: 'regex', regex: DATE_TIME_PATTERN }] } },
      },
    },
  }));
  const pactFile = path.join(workDir, 'instants-pact.json');
  writeFileSync(
    pactFile,
    JSON.stringify({
      consumer: { name: 'date-time-probe' },
      provider: { name: 'instants' },
      interactions,
      metadata: { pactSpecification: { version: '4.0' } },
    }),
  );
  const server = createServer((request, response) => {
    const index = Number(/^\/instants\/(\d+)$/.exec(request.url ?? '')?.[1] ?? -1);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ instant: instants[index] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let json: unknown;
  try {
    const verifier = new Verifier({
      provider: 'instants',
      providerBaseUrl: `http://127.0.0.1:${port}`,
      pactUrls: [pactFile],
      logLevel: 'error',
    });
    json = await withoutRootCertificates(false, () => verifier.verifyProvider());
  } catch (error) {
    json = error instanceof Error ? error.message : String(error);
  } finally {
    server.close();
  }
  const outcome = parseVerifierJson(json, 0);
  writeFileSync(
    path.join(workDir, 'failed.json'),
    JSON.stringify({ error: outcome.error, failed: outcome.failures.map((failure) => failure.interaction) }),
  );
}

void verifyInstants(process.argv.slice(2));
