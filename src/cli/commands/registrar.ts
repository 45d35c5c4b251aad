import type { Command } from 'commander';

/** Adds one command to the program. Apart from index.ts, which lists the commands, so none imports it. */
export type CommandRegistrar = (program: Command) => void;
