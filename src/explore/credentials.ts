import type { ApplicationKey, Principal } from '../model/resource/access';
import type { TokenProvider } from '../target/credentials';

/** One way the run can send a request: the Authorization header (none when undefined) and who it is. */
export interface Credential {
  readonly label: string;
  readonly header: string | undefined;
  readonly principal: Principal;
}

const unauthenticated = (why: string): Principal => ({ kind: 'unauthenticated', why });
const token = (scopes: string[], applicationKey: ApplicationKey | null): Principal => ({
  kind: 'token',
  scopes,
  applicationKey,
});

/** Scopes of the run's application tokens: each action's own, the wildcards, a read-only one, an unrelated one. */
const APPLICATION_SCOPES = [
  'all.Application',
  'all.Application.read',
  'flows.*',
  'flows.get',
  'flows.getByVersion',
  'flows.import',
  'flows.post',
  'devices.get',
];

/**
 * Every credential the run holds (those the target cannot give are left out): application tokens of
 * each scope, a user token, a token of the other application, revoked and expired tokens, and none or
 * malformed headers. The first is the one the draws favour (it may do everything).
 */
export async function runCredentials(tokens: TokenProvider, hasOther: boolean): Promise<Credential[]> {
  const wanted: [string, () => Promise<string>, Principal][] = [
    ['all.Application token', () => tokens.tokenFor('all.Application'), token(['all.Application'], 'own')],
    ['all.User token', () => tokens.tokenFor('all.User'), token(['all.User'], null)],
    ...APPLICATION_SCOPES.slice(1).map((scope): [string, () => Promise<string>, Principal] => [
      `${scope} token`,
      () => tokens.tokenFor(scope),
      token([scope], 'own'),
    ]),
    ['revoked token', () => tokens.revokedToken('all.Application'), unauthenticated('a revoked token')],
    ['expired token', () => tokens.expiredToken('all.Application'), unauthenticated('an expired token')],
  ];
  if (hasOther)
    wanted.push([
      'token of the other application',
      () => tokens.otherApplicationToken('all.Application'),
      token(['all.Application'], 'other'),
    ]);
  const held = await Promise.all(
    wanted.map(async ([label, get, principal]): Promise<Credential | undefined> => {
      const secret = await get().catch(() => undefined);
      return secret === undefined ? undefined : { label, header: `Bearer ${secret}`, principal };
    }),
  );
  return [
    ...held.filter((credential): credential is Credential => credential !== undefined),
    {
      label: 'no Authorization header',
      header: undefined,
      principal: unauthenticated('no Authorization header'),
    },
    {
      label: 'a Basic header',
      header: 'Basic Zmxvd3M6Y29uZm9ybWFuY2U=',
      principal: unauthenticated('not a Bearer header'),
    },
    {
      label: 'an unknown token',
      header: 'Bearer fc-explore-unknown-token',
      principal: unauthenticated('an unknown token'),
    },
  ];
}
