import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matrixResource } from './matrix';
import { emptyRecords, latestPactsFor, versionKey, type BrokerRecords, type PublishedPact } from './records';

/**
 * A Pact Broker double for tests: the part of the HAL API that the official pact-broker CLI (publish,
 * can-i-deploy) and the Pact Verifier (pacts for verification, results, provider branch) use. It
 * records what it receives; it is no broker (no webhooks, environments or UI).
 */
export interface BrokerDouble {
  readonly url: string;
  readonly records: BrokerRecords;
  close(): Promise<void>;
}

export interface BrokerDoubleOptions {
  /** When set, every request must carry `Authorization: Bearer <token>` (else 401). */
  readonly token?: string;
  /** A hostile broker: every request refused, the answer echoing its Authorization and control characters. */
  readonly echoCredentials?: string;
}

type Json = Record<string, unknown>;
type Route = (match: RegExpExecArray, body: Json, query: URLSearchParams) => [number, Json];

const link = (href: string, extra: Json = {}): Json => ({ href, ...extra });

function readBody(request: IncomingMessage): Promise<Json> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      try {
        resolve(text === '' ? {} : (JSON.parse(text) as Json));
      } catch (error) {
        reject(error as Error);
      }
    });
    request.on('error', reject);
  });
}

export async function startBrokerDouble(options: BrokerDoubleOptions = {}): Promise<BrokerDouble> {
  const records = emptyRecords();
  let base = '';
  const enc = encodeURIComponent;
  const pactUrl = (pact: PublishedPact) =>
    `${base}/pacts/provider/${enc(pact.provider)}/consumer/${enc(pact.consumer)}/pact-version/${pact.sha}`;
  const pacticipant = (name: string): Json => ({
    name,
    _links: {
      self: link(`${base}/pacticipants/${enc(name)}`),
      'pb:branch-version': link(`${base}/pacticipants/${enc(name)}/branches/{branch}/versions/{version}`, {
        templated: true,
      }),
      'pb:version-tag': link(`${base}/pacticipants/${enc(name)}/versions/{version}/tags/{tag}`, {
        templated: true,
      }),
    },
  });
  const findPact = (match: RegExpExecArray) =>
    records.pacts.find(
      (pact) =>
        pact.provider === decodeURIComponent(match[1]) &&
        pact.consumer === decodeURIComponent(match[2]) &&
        pact.sha === match[3],
    );

  function publish(_match: RegExpExecArray, body: Json): [number, Json] {
    const version = String(body.pacticipantVersionNumber);
    const tags = (body.tags as string[] | undefined) ?? [];
    if (typeof body.branch === 'string')
      records.branches.set(versionKey(String(body.pacticipantName), version), body.branch);
    const contracts = (body.contracts as Json[]).map((contract) => {
      const text = Buffer.from(String(contract.content), 'base64').toString('utf8');
      const pact: PublishedPact = {
        consumer: String(contract.consumerName),
        provider: String(contract.providerName),
        consumerVersion: version,
        branch: typeof body.branch === 'string' ? body.branch : undefined,
        tags,
        content: JSON.parse(text) as Json,
        sha: createHash('sha1').update(text).digest('hex'),
        order: records.pacts.length + 1,
      };
      records.pacts.push(pact);
      return pact;
    });
    const name = String(body.pacticipantName);
    const versionHref = `${base}/pacticipants/${enc(name)}/versions/${enc(version)}`;
    return [
      200,
      {
        notices: contracts.map((pact) => ({
          type: 'success',
          text: `Published pact for ${pact.consumer} version ${version} against ${pact.provider}`,
        })),
        logs: [],
        _embedded: {
          pacticipant: pacticipant(name),
          version: {
            number: version,
            _links: { self: link(versionHref, { name: version, title: 'Version' }) },
          },
        },
        _links: {
          'pb:pacticipant': link(`${base}/pacticipants/${enc(name)}`, { name, title: 'Pacticipant' }),
          'pb:pacticipant-version': link(versionHref, { name: version, title: 'Pacticipant version' }),
          'pb:pacticipant-version-tags': tags.map((tag) =>
            link(`${versionHref}/tags/${enc(tag)}`, { name: tag, title: 'Tag' }),
          ),
          'pb:contracts': contracts.map((pact) =>
            link(pactUrl(pact), { name: `${pact.consumer}-${pact.provider}`, title: 'Pact' }),
          ),
        },
      },
    ];
  }

  function pactsForVerification(match: RegExpExecArray, body: Json): [number, Json] {
    const provider = decodeURIComponent(match[1]);
    const selectors = (body.consumerVersionSelectors as { branch?: string }[] | undefined) ?? [];
    const branches = selectors.map((selector) => selector.branch).filter((branch) => branch !== undefined);
    const pacts =
      branches.length === 0
        ? latestPactsFor(records, provider)
        : branches.flatMap((branch) => latestPactsFor(records, provider, branch));
    return [
      200,
      {
        _embedded: {
          pacts: pacts.map((pact) => ({
            shortDescription: `latest pact of ${pact.consumer}`,
            verificationProperties: {
              pending: false,
              notices: [
                {
                  when: 'before_verification',
                  text: `The pact of ${pact.consumer} version ${pact.consumerVersion}`,
                },
              ],
            },
            _links: {
              self: link(pactUrl(pact), {
                name: `Pact between ${pact.consumer} (${pact.consumerVersion}) and ${pact.provider}`,
              }),
            },
          })),
        },
        _links: { self: link(`${base}/pacts/provider/${match[1]}/for-verification`) },
      },
    ];
  }

  const routes: [string, RegExp, Route][] = [
    [
      'GET',
      /^\/$/,
      () => [
        200,
        {
          _links: {
            'pb:publish-contracts': link(`${base}/contracts/publish`, {
              title: 'Publish contracts',
              templated: false,
            }),
            'pb:provider-pacts-for-verification': link(`${base}/pacts/provider/{provider}/for-verification`, {
              templated: true,
            }),
            'pb:pacticipant': link(`${base}/pacticipants/{pacticipant}`, { templated: true }),
            'pb:matrix': link(`${base}/matrix`),
          },
        },
      ],
    ],
    ['POST', /^\/contracts\/publish$/, publish],
    [
      'GET',
      /^\/pacts\/provider\/([^/]+)\/for-verification$/,
      (m) => [200, { _links: { self: link(`${base}/pacts/provider/${m[1]}/for-verification`) } }],
    ],
    ['POST', /^\/pacts\/provider\/([^/]+)\/for-verification$/, pactsForVerification],
    [
      'GET',
      /^\/pacts\/provider\/([^/]+)\/consumer\/([^/]+)\/pact-version\/(\w+)$/,
      (m) => {
        const pact = findPact(m);
        if (!pact) return [404, { error: 'no such pact' }];
        return [
          200,
          {
            ...pact.content,
            _links: {
              self: link(pactUrl(pact)),
              'pb:provider': link(`${base}/pacticipants/${m[1]}`, { name: pact.provider }),
              'pb:consumer': link(`${base}/pacticipants/${m[2]}`, { name: pact.consumer }),
              'pb:publish-verification-results': link(`${pactUrl(pact)}/verification-results`, {
                title: 'Publish verification results',
              }),
            },
          },
        ];
      },
    ],
    [
      'POST',
      /^\/pacts\/provider\/([^/]+)\/consumer\/([^/]+)\/pact-version\/(\w+)\/verification-results$/,
      (m, body) => {
        const pact = findPact(m);
        if (!pact) return [404, { error: 'no such pact' }];
        const order = records.verifications.length + 1;
        const providerVersion = String(body.providerApplicationVersion);
        records.verifications.push({
          consumer: pact.consumer,
          provider: pact.provider,
          sha: pact.sha,
          providerVersion,
          success: body.success === true,
          body,
          order,
        });
        return [
          201,
          {
            success: body.success,
            providerApplicationVersion: providerVersion,
            _links: { self: link(`${base}/verification-results/${order}`) },
          },
        ];
      },
    ],
    ['GET', /^\/pacticipants\/([^/]+)$/, (m) => [200, pacticipant(decodeURIComponent(m[1]))]],
    [
      'PUT',
      /^\/pacticipants\/([^/]+)\/branches\/([^/]+)\/versions\/([^/]+)$/,
      (m) => {
        records.branches.set(
          versionKey(decodeURIComponent(m[1]), decodeURIComponent(m[3])),
          decodeURIComponent(m[2]),
        );
        return [
          200,
          { _links: { self: link(`${base}/pacticipants/${m[1]}/branches/${m[2]}/versions/${m[3]}`) } },
        ];
      },
    ],
    [
      'PUT',
      /^\/pacticipants\/([^/]+)\/versions\/([^/]+)\/tags\/([^/]+)$/,
      (m) => {
        const key = versionKey(decodeURIComponent(m[1]), decodeURIComponent(m[2]));
        records.tags.set(key, [...(records.tags.get(key) ?? []), decodeURIComponent(m[3])]);
        return [200, { name: decodeURIComponent(m[3]) }];
      },
    ],
    ['GET', /^\/matrix$/, (_m, _body, query) => [200, matrixResource(records, query, base)]],
  ];

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', base);
    const body = request.method === 'GET' ? {} : await readBody(request);
    const authorization = request.headers.authorization;
    records.requests.push({
      method: request.method ?? '',
      path: url.pathname,
      authorization: authorization?.split(' ')[0],
      body,
    });
    let [status, json]: [number, Json] = [404, { error: `no route for ${request.method} ${url.pathname}` }];
    if (options.echoCredentials !== undefined)
      [status, json] = [
        400,
        {
          error: `${options.echoCredentials} ${authorization}`,
          errors: { name: [`${options.echoCredentials} is no name`], authorization: [`${authorization}`] },
        },
      ];
    else if (options.token !== undefined && authorization !== `Bearer ${options.token}`)
      [status, json] = [401, { error: 'unauthorized' }];
    else
      for (const [method, pattern, route] of routes) {
        const match = method === request.method ? pattern.exec(url.pathname) : null;
        if (match) {
          [status, json] = route(match, body, url.searchParams);
          break;
        }
      }
    response.writeHead(status, { 'content-type': 'application/hal+json;charset=utf-8' });
    response.end(JSON.stringify(json));
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    records,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
