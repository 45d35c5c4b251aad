import type { Command } from 'commander';

/** Each command module adds itself to a program; main.ts registers them all. */
export type CommandRegistrar = (program: Command) => void;

export const COMMANDS: readonly CommandRegistrar[] = [];
