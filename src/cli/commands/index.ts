import type { CommandRegistrar } from './registrar';

/* eslint-disable @typescript-eslint/no-require-imports */

/** Each command module adds itself to a program; main.ts registers them all. */
export type { CommandRegistrar };

/**
 * The commands by name, each module loaded only when asked for: a command's module brings what it runs
 * (the mock server, the engine, the reporters, the Pact core), so that `publish` does not start by
 * loading `run`'s. `require` rather than `import()`: under the tsx test hook a dynamic import goes to
 * Node's ESM loader, which cannot load the TypeScript sources.
 */
export const COMMANDS: readonly { readonly name: string; readonly load: () => CommandRegistrar }[] = [
  { name: 'mock', load: () => (require('./mock') as typeof import('./mock')).registerMockCommand },
  { name: 'merge', load: () => (require('./merge') as typeof import('./merge')).registerMergeCommand },
  { name: 'pacts', load: () => (require('./pacts') as typeof import('./pacts')).registerPactsCommand },
  { name: 'verify', load: () => (require('./verify') as typeof import('./verify')).registerVerifyCommand },
  {
    name: 'publish',
    load: () => (require('./publish') as typeof import('./publish')).registerPublishCommand,
  },
  {
    name: 'can-i-deploy',
    load: () => (require('./can-i-deploy') as typeof import('./can-i-deploy')).registerCanIDeployCommand,
  },
  { name: 'run', load: () => (require('./run') as typeof import('./run')).registerRunCommand },
  {
    name: 'openapi',
    load: () => (require('./openapi') as typeof import('./openapi')).registerOpenApiCommand,
  },
  {
    name: 'compare',
    load: () => (require('./compare') as typeof import('./compare')).registerCompareCommand,
  },
  { name: 'proxy', load: () => (require('./proxy') as typeof import('./proxy')).registerProxyCommand },
  { name: 'fuzz', load: () => (require('./fuzz') as typeof import('./fuzz')).registerFuzzCommand },
  {
    name: 'explore',
    load: () => (require('./explore') as typeof import('./explore')).registerExploreCommand,
  },
];

/**
 * The commands to register for `argv`: only the one it names, or all of them when it names none
 * (`--help`, `help`, a mistyped name: the list, the help and "did you mean" need every command), or none
 * for `--version` alone.
 * The program has no option that takes a value, so the first word that is no option is the command.
 */
export function commandsFor(argv: readonly string[]): CommandRegistrar[] {
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) return [];
  const named = args.find((arg) => !arg.startsWith('-'));
  const chosen = COMMANDS.find((command) => command.name === named);
  return (chosen ? [chosen] : COMMANDS).map((command) => command.load());
}
