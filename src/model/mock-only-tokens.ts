/**
 * The reference mock's token route (documented in src/mock/defaults.ts), here because the token provider
 * of src/target speaks it (`--mock-only-tokens`) and may not import the mock.
 */
export const MOCK_ONLY_TOKEN_ROUTE = '/mock-only/tokens';
