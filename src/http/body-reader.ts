import { TransportError } from './transport';

/** A response body as undici hands it over: chunks, and a way to stop reading (and drop the socket). */
export interface BodyStream extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
}

export const tooLarge = (maxBytes: number): TransportError =>
  new TransportError(`response larger than ${maxBytes} bytes`, 'too-large');

/**
 * The body as text, reading at most maxBytes: past the cap the stream is destroyed and the answer
 * refused, so a 600 MB body costs no more memory than the cap (and never a string past V8's limit).
 */
export async function readCappedText(body: BodyStream, maxBytes: number): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let received = 0;
  for await (const chunk of body) {
    received += chunk.byteLength;
    if (received > maxBytes) {
      body.destroy();
      throw tooLarge(maxBytes);
    }
    parts.push(decoder.decode(chunk, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** A declared length over the cap is refused before a byte of the body is read. */
export function declaredTooLarge(contentLength: string | string[] | undefined, maxBytes: number): boolean {
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  return Number.isFinite(declared) && declared > maxBytes;
}
