import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { errors } from 'undici';

/** Why the target gave no answer, as the client is told: 504 for time, 502 for everything else. */
export interface TargetTrouble {
  readonly status: 502 | 504;
  readonly message: string;
}

export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}

/** An undici or socket error as one line a person can act on. */
export function troubleOf(error: unknown, timeoutMs: number): TargetTrouble {
  const cause = (error as { cause?: unknown })?.cause;
  if (
    error instanceof DeadlineExceeded ||
    cause instanceof DeadlineExceeded ||
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError
  )
    return { status: 504, message: `the target did not answer within ${timeoutMs} ms` };
  const code = (error as { code?: string })?.code ?? (cause as { code?: string } | undefined)?.code;
  if (code === 'ECONNREFUSED')
    return { status: 502, message: 'the target refused the connection (is it running?)' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { status: 502, message: 'the target host name does not resolve' };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE')
    return { status: 502, message: 'the target closed the connection before a complete answer' };
  if (error instanceof errors.HTTPParserError || code?.startsWith('HPE_'))
    return { status: 502, message: 'the target answered with something that is not HTTP' };
  if (
    error instanceof errors.RequestContentLengthMismatchError ||
    error instanceof errors.ResponseContentLengthMismatchError
  )
    return { status: 502, message: 'a body did not match its Content-Length' };
  const text = error instanceof Error ? error.message : String(error);
  return { status: 502, message: `no answer from the target: ${text.split('\n')[0].slice(0, 200)}` };
}

/**
 * The bytes of a body as the client reads them, for judging: a Content-Encoding the client asked for
 * is undone (bounded); the client still gets the bytes unchanged.
 */
export function decodedBody(bytes: Buffer, encoding: string | undefined, limit: number): Buffer {
  const name = (encoding ?? '').trim().toLowerCase();
  const options = { maxOutputLength: limit };
  if (name === 'gzip' || name === 'x-gzip') return gunzipSync(bytes, options);
  if (name === 'deflate') return inflateSync(bytes, options);
  if (name === 'br') return brotliDecompressSync(bytes, options);
  return bytes;
}
