/**
 * Error bodies (`{"type", "message"}`, the reference's Error schema). Handlers throw an ApiError; the
 * server's error handler turns it, and every other failure, into a JSON Error body without a stack.
 */
export type ErrorType =
  | 'BadRequest'
  | 'Validation'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'PayloadTooLarge'
  | 'UnsupportedMediaType'
  | 'RequestHeaderFieldsTooLarge'
  | 'RequestTimeout'
  | 'InternalError';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly type: ErrorType,
    message: string,
    /** RFC 6750's error code for the challenge of a 401 (`invalid_request`, `invalid_token`), if any. */
    readonly bearerError?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, 'BadRequest', message);
export const validationError = (message: string): ApiError => new ApiError(400, 'Validation', message);
export const unauthorized = (message: string, bearerError?: string): ApiError =>
  new ApiError(401, 'Unauthorized', message, bearerError);
export const forbidden = (message: string): ApiError => new ApiError(403, 'Forbidden', message);
export const notFound = (message: string): ApiError => new ApiError(404, 'NotFound', message);
export const methodNotAllowed = (message: string): ApiError => new ApiError(405, 'MethodNotAllowed', message);

const TYPE_BY_STATUS: Readonly<Record<number, ErrorType>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
};

export interface ErrorBody {
  readonly type: ErrorType;
  readonly message: string;
}

/** Any thrown value as a status and an Error body; unknown failures become a bland 500. */
export function toErrorResponse(error: unknown): { statusCode: number; body: ErrorBody } {
  if (error instanceof ApiError)
    return { statusCode: error.statusCode, body: { type: error.type, message: error.message } };
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return {
      statusCode,
      body: { type: TYPE_BY_STATUS[statusCode] ?? 'BadRequest', message: clientMessage(error, statusCode) },
    };
  }
  return { statusCode: 500, body: { type: 'InternalError', message: 'Internal server error' } };
}

/** Fastify's own client errors (body parsing, limits) carry safe messages; keep them to one line. */
function clientMessage(error: unknown, statusCode: number): string {
  const message = error instanceof Error ? error.message : '';
  if (statusCode === 413) return 'Request body is larger than the limit';
  if (statusCode === 415) return 'Unsupported Content-Type: send application/json';
  return message.split('\n')[0].slice(0, 500) || 'Bad request';
}
