/**
 * The reference mock's state at start, and its mock-only surface. Documented in the README and in
 * `flows-conformance mock --help`; the runner and the verifier use them when they start the embedded mock.
 */
export const MOCK_USER = {
  email: 'conformance@flows-conformance.dev',
  password: 'flows-conformance-password',
  userId: '575ec7417ae143cd83dc4a90',
} as const;

/** The application the reference's examples use, and a second one to prove tokens stay in their application. */
export const MOCK_APPLICATION_ID = '575ec8687ae143cd83dc4a97';
export const MOCK_OTHER_APPLICATION_ID = '575ec8687ae143cd83dc4a98';

/**
 * Another user, who owns one application with one flow: no credential of the mock user reaches it
 * (`--foreign-application-id`). Nobody can log in as this user.
 */
export const MOCK_FOREIGN_USER_ID = '575ec7417ae143cd83dc4a91';
export const MOCK_FOREIGN_APPLICATION_ID = '575ec8687ae143cd83dc4a99';
export const MOCK_FOREIGN_FLOW_NAME = 'foreign flow, never to be seen';

/**
 * Mock-only: `POST /mock-only/tokens` with `{"applicationId"?, "scope": [...]}` and the admin (or any
 * `all.User`) token answers 201 `{"token": "..."}` for any scope, `all.Organization` included. A real
 * server has no such route; suites take those tokens from `--tokens FILE` there.
 */
export { MOCK_ONLY_TOKEN_ROUTE } from '../../specs/catalog';

export const DEFAULT_MOCK_HOST = '127.0.0.1';
export const DEFAULT_MOCK_PORT = 4010;

/**
 * A request (headers and body) not fully received within this many milliseconds gets 408 and its
 * connection closed, so a stalled client cannot hold a connection open.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Bodies above this get 413 with an Error body (docs/decisions.md P2). */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
