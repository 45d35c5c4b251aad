import { isUtf8 } from 'node:buffer';
import { redactHeaderValue, type Redactor } from '../http/redact';
import { escapeJsonControls } from '../reporters/controls';
import { mapStrings } from '../reporters/report-strings';

/** One exchange as the proxy saw it, before redaction; the HAR and the reports are made from these. */
export interface ExchangeRecord {
  readonly startedAt: number;
  durationMs: number;
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly httpVersion: string;
    readonly rawHeaders: readonly string[];
    body?: Buffer;
    bodyBytes: number;
  };
  response?: {
    readonly status: number;
    readonly statusText: string;
    readonly headers: Readonly<Record<string, string | string[]>>;
    body?: Buffer;
    bodyBytes: number;
  };
  /** Why the proxy itself answered (502, 504) or the exchange broke off. */
  comment?: string;
}

interface HarHeader {
  readonly name: string;
  readonly value: string;
}

/** Credentials in headers (Authorization, cookies, `X-Api-Key`, ...) redacted by name. */
const shownHeader = (name: string, value: string): HarHeader => ({
  name,
  value: redactHeaderValue(name, value),
});

const pairs = (raw: readonly string[]): HarHeader[] => {
  const headers: HarHeader[] = [];
  for (let index = 0; index + 1 < raw.length; index += 2)
    headers.push(shownHeader(raw[index], raw[index + 1]));
  return headers;
};

const listed = (headers: Readonly<Record<string, string | string[]>>): HarHeader[] =>
  Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((one) => shownHeader(name, one)),
  );

const headerOf = (headers: readonly HarHeader[], name: string): string =>
  headers.find((header) => header.name.toLowerCase() === name)?.value ?? '';

/** A body as HAR text: UTF-8 as it is, anything else in base64. */
const bodyText = (body: Buffer | undefined): { text?: string; encoding?: string } =>
  body === undefined || body.length === 0
    ? {}
    : isUtf8(body)
      ? { text: body.toString('utf8') }
      : { text: body.toString('base64'), encoding: 'base64' };

/** The request's URL on the target (its base path kept); a request-target that is no path stays as sent. */
function urlOn(target: string, requestUrl: string): URL {
  try {
    return new URL(target.replace(/\/+$/, '') + requestUrl);
  } catch {
    return new URL(target);
  }
}

function harEntry(record: ExchangeRecord, target: string) {
  const requestHeaders = pairs(record.request.rawHeaders);
  const url = urlOn(target, record.request.url);
  const request = {
    method: record.request.method,
    url: url.href,
    httpVersion: `HTTP/${record.request.httpVersion}`,
    cookies: [],
    headers: requestHeaders,
    queryString: [...url.searchParams].map(([name, value]) => ({
      name,
      value: redactHeaderValue(name, value),
    })),
    ...(record.request.bodyBytes > 0 && {
      postData: {
        mimeType: headerOf(requestHeaders, 'content-type'),
        text: bodyText(record.request.body).text ?? '',
      },
    }),
    headersSize: -1,
    bodySize: record.request.bodyBytes,
  };
  const response = record.response;
  const responseHeaders = response ? listed(response.headers) : [];
  return {
    startedDateTime: new Date(record.startedAt).toISOString(),
    time: record.durationMs,
    request,
    response: {
      status: response?.status ?? 0,
      statusText: response?.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: responseHeaders,
      content: {
        size: response?.bodyBytes ?? 0,
        mimeType: headerOf(responseHeaders, 'content-type'),
        ...bodyText(response?.body),
      },
      redirectURL: headerOf(responseHeaders, 'location'),
      headersSize: -1,
      bodySize: response?.bodyBytes ?? -1,
    },
    cache: {},
    timings: { send: 0, wait: record.durationMs, receive: 0 },
    ...(record.comment && { comment: record.comment }),
  };
}

/**
 * HAR 1.2 of the exchanges, URLs on the target, every secret redacted: headers and query parameters by
 * their names, then every string (URLs, bodies, comments) by structure and by every secret seen.
 */
export function renderHar(
  records: readonly ExchangeRecord[],
  target: string,
  version: string,
  redactor: Redactor,
  comment?: string,
): string {
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'flows-conformance proxy', version },
      entries: records.map((record) => mapStrings(harEntry(record, target), (text) => redactor.redact(text))),
      ...(comment && { comment }),
    },
  };
  return `${escapeJsonControls(JSON.stringify(har, null, 2))}\n`;
}
