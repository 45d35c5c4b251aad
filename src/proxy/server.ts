import http, { STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Agent, request } from 'undici';
import type { CaseResult } from '../engine/results';
import type { Exchange } from '../checks/context';
import { parseJson, type Method } from '../http/transport';
import type { Failure } from '../model/results';
import { BodyCapture } from './capture';
import { decodedBody, DeadlineExceeded, troubleOf } from './forward';
import type { ExchangeRecord } from './har';
import { flatHeaders, forwardedRequestHeaders, forwardedResponseHeaders } from './headers';
import { judgeExchange } from './judge';
import { climbsOutOfBase } from './path-guard';
import { TrafficLog } from './recorder';
import { requestVerdict } from './request-verdict';
import { actionRouteOf, type ActionRoute } from './routes';
import { TrafficShadow } from './shadow';
import { learnFromRoute } from './shadow-routes';
import { drainThenClose, readUpload } from './upload';
import { secretsInHeaders, secretsInParameters, secretsInText } from './secrets';
import { summarizeViolation, violationsHeaderValue, VIOLATIONS_HEADER } from './violations';

export interface ProxyOptions {
  /** The server under test; requests go to its base URL plus their own path. */
  readonly target: string;
  /** A MUST violation turns the answer into a 502 Error body listing the violations. */
  readonly errors?: boolean;
  /** A whole judged exchange, and the headers of any other, within this many milliseconds (504 after). */
  readonly timeoutMs?: number;
  /** Answers of the four actions are held for judging up to this many bytes; larger ones pass unjudged. */
  readonly maxJudgedBytes?: number;
  /** Exchanges kept for the reports and the HAR; later ones are still forwarded and judged. */
  readonly maxExchanges?: number;
  /** A request body is read whole before it is forwarded, up to this many bytes (413 above). */
  readonly maxRequestBytes?: number;
}

export const DEFAULT_PROXY_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_JUDGED_BYTES = 32 * 1024 * 1024;
const DEFAULT_MAX_EXCHANGES = 10_000;
/** Eight times P2's 1 MiB: a target's own 413 for a body above P2's limit is still seen and judged. */
export const DEFAULT_MAX_REQUEST_BYTES = 8 * 1024 * 1024;
/** After an early answer, the rest of an upload is read and dropped up to this much, then the connection closes. */
const DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 5_000;
/** Request bodies are kept up to just past P2's limit: enough to judge them and to show them. */
const REQUEST_BODY_KEPT = 1024 * 1024 + 1;
/** Bodies of other routes are kept for the HAR up to this. */
const PASSTHROUGH_BODY_KEPT = 1024 * 1024;

export interface ConformanceProxy {
  readonly server: http.Server;
  readonly log: TrafficLog;
  /** What the traffic showed so far: the flows created, the tokens' scopes, who was refused what. */
  readonly shadow: TrafficShadow;
  /** Starts listening; resolves to `http://host:port`. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const errorBody = (type: string, message: string, extra: object = {}): string =>
  JSON.stringify({ type, message, ...extra });

/** The proxy's own answer (the target's trouble, or --errors); the exchange broke off if the answer had begun. */
function answer(
  response: http.ServerResponse,
  status: number,
  body: string,
  headers: http.OutgoingHttpHeaders = {},
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/**
 * Writes a chunk and waits until the client takes more; a client gone meanwhile ends the copy (the
 * upstream request is aborted by then) instead of leaving it waiting for a drain that never comes.
 */
async function writeInTurn(response: http.ServerResponse, chunk: Buffer): Promise<void> {
  if (response.destroyed) throw new Error('the client went away');
  if (response.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const drained = () => {
      response.off('close', closed);
      resolve();
    };
    const closed = () => {
      response.off('drain', drained);
      reject(new Error('the client went away'));
    };
    response.once('drain', drained);
    response.once('close', closed);
  });
}

const TROUBLE_TYPES: Record<number, string> = { 502: 'BadGateway', 504: 'GatewayTimeout' };

interface Pending {
  readonly record: ExchangeRecord;
  /** From here on the exchange streams: only the target's idle timeouts apply. */
  readonly stopDeadline: () => void;
  readonly requestBody: BodyCapture;
  readonly started: number;
}

export function createConformanceProxy(options: ProxyOptions): ConformanceProxy {
  const target = new URL(options.target);
  const base = `${target.origin}${target.pathname.replace(/\/+$/, '')}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS;
  const maxJudged = options.maxJudgedBytes ?? DEFAULT_MAX_JUDGED_BYTES;
  const log = new TrafficLog(base, options.maxExchanges ?? DEFAULT_MAX_EXCHANGES);
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const dispatcher = new Agent({
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connections: 128,
  });
  /** Set by close(): what breaks off from then on is the proxy's stop, not the target's fault. */
  let closing = false;
  const shadow = new TrafficShadow();
  let sequence = 0;

  function finish(pending: Pending, comment?: string): void {
    const { record, requestBody } = pending;
    record.durationMs = Math.round(performance.now() - pending.started);
    record.request.body = requestBody.buffer;
    record.request.bodyBytes = requestBody.bytes;
    if (requestBody.truncated)
      record.comment = [record.comment, 'request body cut for the HAR'].filter(Boolean).join('; ');
    if (comment) record.comment = [record.comment, comment].filter(Boolean).join('; ');
    for (const secret of secretsInText(requestBody.buffer.toString('utf8'))) log.addSecret(secret);
    if (record.response?.body)
      for (const secret of secretsInText(record.response.body.toString('utf8'))) log.addSecret(secret);
    if (record.response)
      for (const secret of secretsInHeaders(record.response.headers)) log.addSecret(secret);
    log.addRecord(record);
  }

  /** The client's upload went over the cap, or did not come within the deadline: the proxy's own answer. */
  function earlyAnswer(
    incoming: http.IncomingMessage,
    response: http.ServerResponse,
    pending: Pending,
    tooLarge: boolean,
    stopping: boolean,
  ): void {
    if (stopping || response.destroyed) {
      finish(pending, 'the proxy stopped before the request body came');
      return;
    }
    const [status, type, message] = tooLarge
      ? [413, 'PayloadTooLarge', `a request body above ${maxRequestBytes} bytes`]
      : [408, 'RequestTimeout', `the request body did not come within ${timeoutMs} ms`];
    answer(
      response,
      status,
      errorBody(type, `flows-conformance proxy: ${message}; nothing was sent to the target`),
    );
    drainThenClose(incoming, DRAIN_BYTES, DRAIN_MS);
    finish(pending, `the proxy answered ${status}: ${message}`);
  }

  /** The result of an exchange the proxy could not judge, its outcome aside. */
  const unjudged = (id: string, route: ActionRoute) => ({
    id,
    action: route.action.id,
    aspect: 'traffic' as const,
    level: 'MUST' as const,
    covers: [],
    durationMs: 0,
  });

  /** An exchange the proxy's own stop broke off: skipped, with the reason, never the target's failure. */
  function stoppedResult(id: string, route: ActionRoute): CaseResult {
    return {
      ...unjudged(id, route),
      outcome: 'skipped',
      skipReason: 'the proxy stopped (SIGINT or SIGTERM) before the target answered',
      failures: [],
    };
  }

  function troubleResult(id: string, route: ActionRoute, message: string): CaseResult {
    return {
      ...unjudged(id, route),
      outcome: 'failed',
      failures: [
        {
          check: 'answered',
          rule: 'answered',
          caseId: id,
          level: 'MUST',
          message,
          location: 'RFC 9110 §15.6.3 and §15.6.5 (the proxy answered 502 or 504 for the target)',
        },
      ],
    };
  }

  async function passThrough(
    response: http.ServerResponse,
    upstream: Awaited<ReturnType<typeof request>>,
    pending: Pending,
  ) {
    const captured = new BodyCapture(PASSTHROUGH_BODY_KEPT);
    response.writeHead(upstream.statusCode, forwardedResponseHeaders(upstream.headers));
    pending.record.response = {
      status: upstream.statusCode,
      statusText: STATUS_CODES[upstream.statusCode] ?? '',
      headers: forwardedResponseHeaders(upstream.headers) as Record<string, string | string[]>,
      bodyBytes: 0,
    };
    for await (const chunk of upstream.body as AsyncIterable<Buffer>) {
      captured.add(chunk);
      await writeInTurn(response, chunk);
    }
    response.end();
    pending.record.response.body = captured.buffer;
    pending.record.response.bodyBytes = captured.bytes;
  }

  async function handle(incoming: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const started = performance.now();
    const startedAt = Date.now();
    const method = incoming.method ?? 'GET';
    const url = incoming.url ?? '/';
    const at = url.indexOf('?');
    const path = at < 0 ? url : url.slice(0, at);
    const rawQuery = at < 0 ? '' : url.slice(at + 1);
    const route = actionRouteOf(method, path);
    const id = `#${String((sequence += 1)).padStart(6, '0')} ${method} ${url.slice(0, 300)}`;
    for (const secret of [...secretsInHeaders(incoming.headers), ...secretsInParameters(rawQuery)])
      log.addSecret(secret);
    const requestBody = new BodyCapture(REQUEST_BODY_KEPT);
    const controller = new AbortController();
    const deadline = setTimeout(() => controller.abort(new DeadlineExceeded('deadline')), timeoutMs);
    const pending: Pending = {
      stopDeadline: () => clearTimeout(deadline),
      started,
      requestBody,
      record: {
        startedAt,
        durationMs: 0,
        request: {
          method,
          url,
          httpVersion: incoming.httpVersion,
          rawHeaders: incoming.rawHeaders,
          bodyBytes: 0,
        },
      },
    };
    response.on('close', () => {
      if (!response.writableFinished) controller.abort(new Error('the client went away'));
    });
    if (climbsOutOfBase(path)) {
      clearTimeout(deadline);
      const message =
        'flows-conformance proxy: a path with a ".." segment would leave the target\'s base path';
      answer(response, 400, errorBody('BadRequest', message));
      finish(pending, 'refused: a ".." path segment');
      return;
    }
    const hasBody =
      incoming.headers['transfer-encoding'] !== undefined ||
      (incoming.headers['content-length'] !== undefined && incoming.headers['content-length'] !== '0');
    let body: Buffer | undefined;
    if (hasBody) {
      const upload = await readUpload(incoming, maxRequestBytes, controller.signal);
      if (upload.kind !== 'whole') {
        clearTimeout(deadline);
        earlyAnswer(incoming, response, pending, upload.kind === 'too-large', closing);
        return;
      }
      body = upload.body;
      requestBody.add(body);
    }
    try {
      const upstream = await request(base + url, {
        method: method as Method,
        headers: forwardedRequestHeaders(incoming.headers),
        body,
        signal: controller.signal,
        dispatcher,
      });
      if (!route) {
        pending.stopDeadline();
        await passThrough(response, upstream, pending);
        learnFromRoute(shadow, method, path, pending.record.response, pending.requestBody);
        finish(pending);
        return;
      }
      await judged(route, id, rawQuery, incoming, response, upstream, pending);
    } catch (error) {
      if (closing) {
        if (route) log.addResult(stoppedResult(id, route));
        finish(pending, 'the proxy stopped before the exchange ended');
        return;
      }
      const trouble = troubleOf(error, timeoutMs);
      const message = `flows-conformance proxy: ${trouble.message}`;
      if (!response.destroyed)
        answer(response, trouble.status, errorBody(TROUBLE_TYPES[trouble.status], message));
      if (route) log.addResult(troubleResult(id, route, `${trouble.status}: ${trouble.message}`));
      finish(pending, `the proxy answered ${trouble.status}: ${trouble.message}`);
    } finally {
      clearTimeout(deadline);
    }
  }

  async function judged(
    route: ActionRoute,
    id: string,
    rawQuery: string,
    incoming: http.IncomingMessage,
    response: http.ServerResponse,
    upstream: Awaited<ReturnType<typeof request>>,
    pending: Pending,
  ): Promise<void> {
    const held: Buffer[] = [];
    let heldBytes = 0;
    const headers = forwardedResponseHeaders(upstream.headers);
    const record: NonNullable<ExchangeRecord['response']> = {
      status: upstream.statusCode,
      statusText: STATUS_CODES[upstream.statusCode] ?? '',
      headers: headers as Record<string, string | string[]>,
      bodyBytes: 0,
    };
    pending.record.response = record;
    // One iterator for both loops: leaving a `for await` early would destroy the body.
    const chunks = (upstream.body as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    while (heldBytes <= maxJudged) {
      const next = await chunks.next();
      if (next.done) break;
      held.push(next.value);
      heldBytes += next.value.length;
    }
    if (heldBytes > maxJudged) {
      // Too large to hold: the rest streams through unjudged.
      pending.stopDeadline();
      response.writeHead(upstream.statusCode, headers);
      for (const chunk of held) response.write(chunk);
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        await writeInTurn(response, next.value);
      }
      response.end();
      log.addResult({
        id,
        action: route.action.id,
        aspect: 'traffic',
        level: 'MUST',
        covers: [],
        outcome: 'skipped',
        skipReason: `an answer above ${maxJudged} bytes is forwarded unjudged`,
        failures: [],
        durationMs: Math.round(performance.now() - pending.started),
      });
      finish(pending, 'answer too large to judge');
      return;
    }
    const bytes = Buffer.concat(held);
    record.body = bytes;
    record.bodyBytes = bytes.length;
    const failures = judge(route, id, rawQuery, incoming, upstream.statusCode, headers, bytes, pending);
    const value = violationsHeaderValue(failures);
    const shown = value === undefined ? {} : { [VIOLATIONS_HEADER]: log.redact(value) };
    if (options.errors && failures.some((failure) => failure.level === 'MUST')) {
      const musts = failures.filter((failure) => failure.level === 'MUST');
      const message = `flows-conformance proxy: the target's answer (${upstream.statusCode}) breaks ${musts.length} MUST rule${musts.length === 1 ? '' : 's'}: ${musts.map((failure) => failure.check).join(', ')}`;
      answer(
        response,
        502,
        log.redact(
          errorBody('ConformanceViolation', message, { violations: failures.map(summarizeViolation) }),
        ),
        shown,
      );
      finish(pending, 'the proxy answered 502 (--errors)');
      return;
    }
    const statusWithoutBody = upstream.statusCode === 204 || upstream.statusCode === 304;
    response.writeHead(upstream.statusCode, {
      ...headers,
      ...(statusWithoutBody || headers['content-length'] !== undefined
        ? {}
        : { 'content-length': bytes.length }),
      ...shown,
    });
    response.end(bytes);
    finish(pending);
  }

  function judge(
    route: ActionRoute,
    id: string,
    rawQuery: string,
    incoming: http.IncomingMessage,
    status: number,
    headers: http.OutgoingHttpHeaders,
    bytes: Buffer,
    pending: Pending,
  ): readonly Failure[] {
    const flat = flatHeaders(headers);
    let bodyText: string;
    try {
      bodyText = decodedBody(bytes, flat['content-encoding'], maxJudged).toString('utf8');
    } catch {
      bodyText = `<a body that its Content-Encoding (${flat['content-encoding']}) does not decode>`;
    }
    const sentBody = pending.requestBody;
    const exchange: Exchange = {
      request: {
        method: route.action.method,
        path: incoming.url?.split('?')[0] ?? '/',
        ...(rawQuery !== '' && { query: rawQuery }),
        headers: flatHeaders(forwardedRequestHeaders(incoming.headers)),
        ...(sentBody.bytes > 0 && { body: sentBody.buffer.toString('utf8') }),
      },
      response: {
        status,
        headers: flat,
        bodyText,
        json: parseJson(bodyText),
        durationMs: Math.round(performance.now() - pending.started),
      },
      sentAt: pending.record.startedAt,
    };
    const verdict = requestVerdict({
      action: route.action,
      applicationId: route.applicationId,
      rawQuery,
      contentType: incoming.headers['content-type'],
      authorization: incoming.headers.authorization,
      ...(sentBody.bytes > 0 && {
        body: {
          text: sentBody.buffer.toString('utf8'),
          bytes: sentBody.bytes,
          truncated: sentBody.truncated,
        },
      }),
    });
    const { failures, covers } = judgeExchange(
      id,
      route.action,
      route.applicationId,
      exchange,
      verdict,
      base,
      shadow,
    );
    log.addResult({
      id,
      action: route.action.id,
      aspect: 'traffic',
      level: 'MUST',
      covers,
      outcome: failures.some((failure) => failure.level === 'MUST')
        ? 'failed'
        : failures.length > 0
          ? 'warning'
          : 'passed',
      failures,
      durationMs: exchange.response.durationMs,
    });
    return failures;
  }

  const server = http.createServer(
    { requestTimeout: timeoutMs * 2, headersTimeout: Math.min(timeoutMs, 60_000) },
    (incoming, response) => {
      handle(incoming, response).catch((error: unknown) => {
        // Nothing should reach here; if it does, the client still gets one clear answer.
        answer(
          response,
          502,
          errorBody('BadGateway', `flows-conformance proxy: ${troubleOf(error, timeoutMs).message}`),
        );
      });
    },
  );
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const body = errorBody('BadRequest', 'flows-conformance proxy: a malformed HTTP request');
    if (socket.writable)
      socket.write(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    socket.destroy();
  });

  return {
    server,
    log,
    shadow,
    async listen(port = 0, host = '127.0.0.1') {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${shownHost}:${address.port}`;
    },
    async close() {
      closing = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dispatcher.destroy();
    },
  };
}
