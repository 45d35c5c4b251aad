import { actionById, pathFor } from '../../specs/catalog';
import { bearer, JSON_HEADERS, TransportError } from '../http/transport';
import type { ConnectedTarget } from './connect';
import { CredentialError, TokenUnavailable } from './credentials';

/** The target cannot be used at all: unreachable, credential refused, application unknown. Exit code 2. */
export class TargetUnusable extends Error {
  override readonly name = 'TargetUnusable';
  constructor(
    message: string,
    /** No answer at all (exit code 3), rather than an answer that refuses the run (exit code 2). */
    readonly unreachable = false,
  ) {
    super(message);
  }
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Before any work: the principal token can be had, and `GET /applications/{id}/flows?perPage=1` with it
 * is neither refused (401, 403), nor unknown (404), nor malformed (400). Returns the principal token.
 */
export async function checkTarget(target: ConnectedTarget): Promise<string> {
  let token: string;
  try {
    token = await target.tokens.principalToken();
  } catch (error) {
    if (error instanceof TransportError)
      throw new TargetUnusable(`target ${target.label} is unreachable: ${error.message}`, true);
    if (error instanceof CredentialError || error instanceof TokenUnavailable)
      throw new TargetUnusable(error.message);
    throw error;
  }
  const get = actionById('flows.get');
  const response = await target.transport
    .send({
      method: get.method,
      path: pathFor(get, { APPLICATION_ID: target.applicationId }),
      query: 'perPage=1',
      headers: { accept: JSON_HEADERS.accept, ...bearer(token) },
    })
    .catch((error: unknown) => {
      throw new TargetUnusable(`target ${target.label} is unreachable: ${reasonOf(error)}`, true);
    });
  if (response.status === 401)
    throw new TargetUnusable(`target ${target.label} refused the credential (401)`);
  if (response.status === 403)
    throw new TargetUnusable(
      `target ${target.label}: the credential may not read application ${target.applicationId} (403)`,
    );
  if (response.status === 404 || response.status === 400)
    throw new TargetUnusable(
      `target ${target.label}: application ${target.applicationId} not found (${response.status})`,
    );
  return token;
}
