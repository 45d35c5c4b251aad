import type { ErrorBody } from './types';

/** A refusal of the API: the status and, when the body was JSON, its Error body. */
export class FlowsApiError extends Error {
  override readonly name = 'FlowsApiError';

  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
    readonly method: string,
    readonly path: string,
  ) {
    super(
      `${method} ${path} answered ${status}${body?.type ? ` ${body.type}` : ''}${body?.message ? `: ${body.message}` : ''}`,
    );
  }
}
