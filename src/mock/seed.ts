import { readFileSync } from 'node:fs';
import { behaviourOf, type MockBehaviour } from './behaviour';
import { isObjectId } from './ids';
import { importBundle } from './import';
import type { MockStore } from './store';
import { MOCK_APPLICATION_ID } from './defaults';
import { ApiError } from './errors';
import { REFERENCE_DIALECT, type Dialect } from './dialect';

/**
 * A seed (docs/mock.md): either `{"applications": {"<appId>": {"flows": [...], "flowVersions": [...]}}}`
 * or one Import-shaped bundle `{"flows": [...], "flowVersions": [...]}` for application
 * 575ec8687ae143cd83dc4a97. Each bundle must be a valid Workflow Import body; unlike the Import action a
 * seed keeps the ids and dates it gives, so that tests can name its flows.
 */
export type Seed = unknown;

export class SeedError extends Error {
  override readonly name = 'SeedError';
}

function bundlesOf(seed: Seed): [string, unknown][] {
  if (typeof seed !== 'object' || seed === null || Array.isArray(seed))
    throw new SeedError('seed must be a JSON object');
  const record = seed as Record<string, unknown>;
  if (!('applications' in record)) return [[MOCK_APPLICATION_ID, seed]];
  const extra = Object.keys(record).filter((key) => key !== 'applications');
  if (extra.length > 0) throw new SeedError(`seed has unknown key "${extra[0]}" next to "applications"`);
  const applications = record.applications;
  if (typeof applications !== 'object' || applications === null || Array.isArray(applications)) {
    throw new SeedError('seed "applications" must be an object keyed by application id');
  }
  return Object.entries(applications);
}

/** Loads a seed into the store: all of it or, on the first problem, a SeedError naming it. */
export function applySeed(
  store: MockStore,
  seed: Seed,
  behaviour: Pick<MockBehaviour, 'import'> = behaviourOf(),
  dialect: Dialect = REFERENCE_DIALECT,
): void {
  const bundles = bundlesOf(seed);
  for (const [applicationId] of bundles) {
    if (!isObjectId(applicationId))
      throw new SeedError(`seed application id "${applicationId}" is not a 24-hex id`);
  }
  for (const [applicationId, bundle] of bundles) {
    try {
      importBundle({ store, behaviour, dialect }, store.addApplication(applicationId), bundle, {
        keepIds: true,
      });
    } catch (error) {
      const message = error instanceof ApiError ? error.message : String(error);
      throw new SeedError(`seed of application ${applicationId}: ${message}`);
    }
  }
}

export function readSeedFile(file: string): Seed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SeedError(
      `cannot read seed file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  try {
    return JSON.parse(text) as Seed;
  } catch {
    throw new SeedError(`seed file ${file} is not valid JSON`);
  }
}
