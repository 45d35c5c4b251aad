import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Dialect } from './dialect';
import type { ErrorBody } from './errors';

/**
 * Requests that never reach a route (header block too large, unparsable HTTP) still get an Error body,
 * written by the dialect, instead of Node's bare answer.
 */
export const clientErrorHandlerFor =
  (dialect: Dialect) =>
  (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    // An answer already under way on this connection must not be corrupted: just close it.
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (inFlight?.headersSent) {
      socket.destroy(error);
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const reference: ErrorBody = {
      type: status === 431 ? 'RequestHeaderFieldsTooLarge' : status === 408 ? 'RequestTimeout' : 'BadRequest',
      message:
        status === 431
          ? 'Request line and headers are larger than the server accepts'
          : status === 408
            ? 'The request was not received in time'
            : 'Malformed HTTP request',
    };
    const body = dialect.json(dialect.error(status, reference));
    const { 'content-type': contentType, ...extra } = dialect.headers(status);
    let head = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${contentType}\r\n`;
    for (const [name, value] of Object.entries(extra)) head += `${name}: ${value}\r\n`;
    if (socket.writable) {
      socket.write(`${head}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy(error);
  };
