import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIONS, actionAt, type ActionSpec } from '../../specs/catalog';

/** The parts of a V4 pact file this project reads. */
export interface PactInteraction {
  readonly description: string;
  readonly providerStates?: readonly { readonly name: string; readonly params?: Record<string, unknown> }[];
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly headers?: Record<string, readonly string[]>;
    readonly query?: Record<string, readonly string[]>;
  };
  readonly response: { readonly status: number; readonly body?: { readonly content?: unknown } };
}

export interface PactFile {
  readonly consumer: { readonly name: string };
  readonly provider: { readonly name: string };
  readonly interactions: readonly PactInteraction[];
  readonly metadata: { readonly pactSpecification: { readonly version: string } };
}

export const readPactFile = (file: string): PactFile => JSON.parse(readFileSync(file, 'utf8')) as PactFile;

/** The catalog action an interaction exercises, by its method and example path. */
export const actionOf = (
  interaction: PactInteraction,
  actions: readonly ActionSpec[] = ACTIONS,
): ActionSpec | undefined => actionAt(interaction.request.method, interaction.request.path, actions);

/** The pact files in a folder (whose provider is the given one, when given). */
export function pactFilesFor(dir: string, provider?: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(dir, name))
    .filter((file) => {
      try {
        const pact = readPactFile(file);
        return (
          typeof pact.consumer?.name === 'string' && (provider ?? pact.provider?.name) === pact.provider?.name
        );
      } catch {
        return false;
      }
    });
}

/**
 * The interactions of this project's consumer pact (`expected`, by description) that a pact file lacks.
 * A pact that holds none of them is another consumer's, which asks what it needs and no more: nothing is
 * missing from it.
 */
export function missingInteractions(pact: PactFile, expected: readonly string[]): string[] {
  const present = new Set((pact.interactions ?? []).map((interaction) => interaction.description));
  if (!expected.some((description) => present.has(description))) return [];
  return expected.filter((description) => !present.has(description));
}
