import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { actionAt, isCreate } from '../../specs/catalog';
import { HOP_BY_HOP_HEADERS } from '../http/hop-by-hop';

/**
 * A loopback relay between Pact's verifier and the target. The verifier (its Node proxy and its Rust
 * HTTP client) is not ours to configure, so what `verify` must guarantee is done here, on the way:
 * - a target that resets or drops a connection gets a 502 from the relay and one recorded reason,
 *   instead of an error event in Pact's proxy (which ends the process with a stack trace);
 * - a 3xx answer goes back without its `Location`, so no client behind the relay can follow it to
 *   another host and re-send the body there (the status alone already fails the interaction: no
 *   interaction of the pacts expects a 3xx);
 * - the ids of the flows each create of the catalog (Post, Import) created (`id` of a Workflow, `flows[].id` of an Import result), so
 *   that `verify` removes what its interactions created.
 * It follows no redirect itself (undici's `request` does not).
 */
export interface RelayLog {
  readonly createdFlowIds: readonly string[];
  /** `POST /applications/…/flows answered 307 to http://other/…`, one per refused redirect. */
  readonly refusedRedirects: readonly string[];
  /** The first request the target did not answer: why (`connection failed (ECONNRESET)`). */
  readonly targetFailure?: string;
}

export interface TargetRelay {
  readonly baseUrl: string;
  log(): RelayLog;
  /** From now on nothing reaches the target: each request is answered 503 at once (Ctrl-C). */
  interrupt(reason: string): void;
  close(): Promise<void>;
}

/** Not forwarded: a connection's own headers, and the two the relay's own request sets anew. */
const NOT_FORWARDED = new Set([...HOP_BY_HOP_HEADERS, 'host', 'content-length']);

function endToEnd(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>) {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !NOT_FORWARDED.has(name.toLowerCase())) kept[name] = value;
  return kept;
}

async function bodyOf(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The flow ids in a POST's 2xx answer: a Workflow's `id`, an Import result's `flows[].id`. */
export function createdFlowIdsOf(body: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  if (value === null || typeof value !== 'object') return [];
  const { id, flows } = value as { id?: unknown; flows?: unknown };
  const ids = typeof id === 'string' ? [id] : [];
  if (Array.isArray(flows))
    for (const flow of flows as { id?: unknown }[]) if (typeof flow?.id === 'string') ids.push(flow.id);
  return ids;
}

const reasonOf = (error: unknown): string => {
  const code = (error as { code?: string } | undefined)?.code;
  const name = error instanceof Error ? error.name : '';
  if (/Timeout/.test(name) || /TIMEOUT/.test(code ?? '')) return 'no answer in time';
  return `connection failed (${code ?? (error instanceof Error ? error.message : String(error))})`;
};

/** Where a redirect pointed, without its query (which could carry anything). */
function redirectTarget(location: string | string[] | undefined, base: string): string {
  const text = Array.isArray(location) ? location[0] : location;
  if (!text) return 'nowhere';
  try {
    const url = new URL(text, base);
    return `${url.origin}${url.pathname}`;
  } catch {
    return 'an unparsable Location';
  }
}

export async function startTargetRelay(targetBaseUrl: string, timeoutMs: number): Promise<TargetRelay> {
  const target = targetBaseUrl.replace(/\/+$/, '');
  const agent = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connectTimeout: timeoutMs });
  const createdFlowIds: string[] = [];
  const refusedRedirects: string[] = [];
  let targetFailure: string | undefined;
  let interrupted: string | undefined;

  const relay = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const method = incoming.method ?? 'GET';
    const path = incoming.url ?? '/';
    const body = await bodyOf(incoming);
    if (interrupted !== undefined) {
      outgoing.writeHead(503, { 'content-type': 'application/json' });
      outgoing.end(
        JSON.stringify({ type: 'Interrupted', message: `not sent to the target: ${interrupted}` }),
      );
      return;
    }
    let answer;
    try {
      answer = await request(target + path, {
        method: method as 'GET',
        headers: endToEnd(incoming.headers),
        body: body.length > 0 ? body : undefined,
        dispatcher: agent,
      });
    } catch (error) {
      const reason = reasonOf(error);
      targetFailure ??= `${method} ${path.split('?')[0]}: ${reason}`;
      outgoing.writeHead(502, { 'content-type': 'application/json' });
      outgoing.end(
        JSON.stringify({ type: 'TargetUnreachable', message: `the target gave no answer: ${reason}` }),
      );
      return;
    }
    const bytes = await answer.body.arrayBuffer().catch((error: unknown) => {
      targetFailure ??= `${method} ${path.split('?')[0]}: ${reasonOf(error)}`;
      return undefined;
    });
    if (bytes === undefined) {
      outgoing.writeHead(502, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ type: 'TargetUnreachable', message: 'the answer was cut off' }));
      return;
    }
    const headers = endToEnd(answer.headers);
    if (answer.statusCode >= 300 && answer.statusCode < 400) {
      const to = redirectTarget(answer.headers.location, target + path);
      refusedRedirects.push(`${method} ${path.split('?')[0]} answered ${answer.statusCode} to ${to}`);
      for (const name of Object.keys(headers)) if (name.toLowerCase() === 'location') delete headers[name];
    }
    const action = actionAt(method, path.split('?')[0]);
    if (action && isCreate(action) && answer.statusCode >= 200 && answer.statusCode < 300)
      createdFlowIds.push(...createdFlowIdsOf(Buffer.from(bytes).toString('utf8')));
    outgoing.writeHead(answer.statusCode, headers);
    outgoing.end(Buffer.from(bytes));
  };

  const server = createServer((incoming, outgoing) => {
    relay(incoming, outgoing).catch(() => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    log: () => ({
      createdFlowIds: [...createdFlowIds],
      refusedRedirects: [...refusedRedirects],
      targetFailure,
    }),
    interrupt(reason) {
      interrupted ??= reason;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await agent.close().catch(() => agent.destroy());
    },
  };
}
