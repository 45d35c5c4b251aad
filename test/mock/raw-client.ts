import { connect, type Socket } from 'node:net';

/** One HTTP/1.1 answer as read off the wire. */
export interface RawAnswer {
  readonly status: number;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * A hostile (or merely slow) client on loopback: it writes exactly what it is given and reads what
 * comes back. `answer` resolves when one whole answer has arrived (by Content-Length), `closed` when the
 * server has closed the connection, with whatever error the socket saw (EPIPE when the server stopped
 * reading, which is fine; the answer is what counts).
 */
export interface RawClient {
  readonly socket: Socket;
  readonly answer: Promise<RawAnswer>;
  readonly closed: Promise<{ readonly error?: string }>;
  write(data: string | Buffer): void;
}

function parseAnswer(received: Buffer): RawAnswer | undefined {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  if (received.length < end + 4 + length) return undefined;
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: received.subarray(end + 4, end + 4 + length).toString('utf8'),
  };
}

export function rawClient(port: number, initial: string | Buffer): RawClient {
  const socket = connect(port, '127.0.0.1');
  let received = Buffer.alloc(0);
  let error: string | undefined;
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const parsed = parseAnswer(received);
      if (parsed) resolve(parsed);
    });
    socket.on('close', () =>
      reject(new Error(`closed before a whole answer: ${received.toString('latin1')}`)),
    );
  });
  // Whoever does not await the answer must not see an unhandled rejection.
  answer.catch(() => undefined);
  const closed = new Promise<{ error?: string }>((resolve) => {
    socket.on('error', (failure: NodeJS.ErrnoException) => (error = failure.code ?? failure.message));
    socket.on('close', () => resolve({ error }));
  });
  const write = (data: string | Buffer) => {
    if (!socket.destroyed && socket.writable) socket.write(data);
  };
  write(initial);
  return { socket, answer, closed, write };
}

/** The port of a listening base URL (`http://127.0.0.1:PORT`). */
export const portOf = (url: string): number => Number(new URL(url).port);
