/**
 * The modules that load the Pact core (half a second), required only by the commands that run it, so
 * that help, flag checks and the other commands start fast. `require` rather than `import()`: under the
 * tsx test hook a dynamic import goes to Node's ESM loader, which cannot load the TypeScript sources.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
export const loadConsumer = () => require('../../pact/consumer') as typeof import('../../pact/consumer');
export const loadInteractions = () =>
  require('../../pact/interactions') as typeof import('../../pact/interactions');
export const loadVerification = () =>
  require('../../pact/verification') as typeof import('../../pact/verification');
