import type http from 'node:http';

/** How a request body arrived: whole, above the cap, or not within the deadline (or the client left). */
export type Upload =
  | { readonly kind: 'whole'; readonly body: Buffer }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'stopped' };

/**
 * Reads a request body whole, up to `cap` bytes, before anything goes to the target: a slow client then
 * holds only its own connection, never one of the pool's. Resolves `too-large` as soon as the cap is
 * passed (the rest is left unread) and `stopped` when `signal` aborts first.
 */
export function readUpload(
  incoming: http.IncomingMessage,
  cap: number,
  signal: AbortSignal,
): Promise<Upload> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const done = (upload: Upload) => {
      incoming.off('data', data);
      incoming.off('end', end);
      incoming.off('error', stopped);
      incoming.off('aborted', stopped);
      signal.removeEventListener('abort', stopped);
      resolve(upload);
    };
    const data = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > cap) {
        incoming.pause();
        done({ kind: 'too-large' });
      } else chunks.push(chunk);
    };
    const end = () => done({ kind: 'whole', body: Buffer.concat(chunks, bytes) });
    const stopped = () => done({ kind: 'stopped' });
    if (signal.aborted) return stopped();
    incoming.on('data', data);
    incoming.on('end', end);
    incoming.on('error', stopped);
    incoming.on('aborted', stopped);
    signal.addEventListener('abort', stopped);
  });
}

/**
 * After the proxy answered before the whole body came (413, 408): the rest is read and dropped, so the
 * client reads the answer instead of a reset, up to `limitBytes` or `limitMs`; past either the
 * connection is closed.
 */
export function drainThenClose(incoming: http.IncomingMessage, limitBytes: number, limitMs: number): void {
  let drained = 0;
  const close = () => {
    clearTimeout(timer);
    incoming.socket?.destroy();
  };
  const timer = setTimeout(close, limitMs); // wait-ok: a deadline on a client still sending, not a sleep
  timer.unref();
  incoming.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > limitBytes) close();
  });
  incoming.once('end', () => clearTimeout(timer));
  incoming.once('close', () => clearTimeout(timer));
  incoming.resume();
}
