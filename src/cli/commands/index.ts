import { registerMockCommand } from './mock';
import { registerMergeCommand } from './merge';
import { registerPactsCommand } from './pacts';
import { registerVerifyCommand } from './verify';
import { registerPublishCommand } from './publish';
import { registerCanIDeployCommand } from './can-i-deploy';
import { registerRunCommand } from './run';
import { registerOpenApiCommand } from './openapi';
import { registerCompareCommand } from './compare';
import { registerProxyCommand } from './proxy';
import { registerFuzzCommand } from './fuzz';
import type { CommandRegistrar } from './registrar';

/** Each command module adds itself to a program; main.ts registers them all. */
export type { CommandRegistrar };

export const COMMANDS: readonly CommandRegistrar[] = [
  registerMockCommand,
  registerMergeCommand,
  registerPactsCommand,
  registerVerifyCommand,
  registerPublishCommand,
  registerCanIDeployCommand,
  registerRunCommand,
  registerOpenApiCommand,
  registerCompareCommand,
  registerProxyCommand,
  registerFuzzCommand,
];
