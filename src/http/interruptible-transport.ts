import type { Transport } from './transport';

/** A request that was not sent because the user stopped the command (SIGINT, SIGTERM). */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor(readonly reason: string) {
    super(`not sent: ${reason}`);
  }
}

/** The reason an aborted signal carries, as a report shows it: `interrupted (SIGINT)`. */
export const interruptionOf = (signal: AbortSignal): string =>
  `interrupted${typeof signal.reason === 'string' ? ` (${signal.reason})` : ''}`;

/** The same transport, sending nothing once `signal` is aborted (what is under way still completes). */
export const interruptibleTransport = (transport: Transport, signal: AbortSignal | undefined): Transport =>
  signal === undefined
    ? transport
    : {
        baseUrl: transport.baseUrl,
        close: () => transport.close(),
        send: (request) =>
          signal.aborted ? Promise.reject(new Interrupted(interruptionOf(signal))) : transport.send(request),
      };
