import { isRecord } from '../model/json';
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors';
import { APPLICATION_ID } from '../../specs/catalog';

/**
 * What a run (or a verification) talks to and how: resolved once, in one direction (defaults, config
 * file, environment, flags), and validated before anything is sent.
 */
export interface TargetConfig {
  /** Base URL of the API; undefined: the embedded mock, started in-process. */
  readonly baseUrl?: string;
  readonly applicationId?: string;
  /** A second application of the same user, for "a token of another application sees nothing". */
  readonly otherApplicationId?: string;
  /** An application the credentials must not reach (another user's), for "no token reaches it". */
  readonly foreignApplicationId?: string;
  readonly adminToken?: string;
  readonly userEmail?: string;
  readonly userPassword?: string;
  readonly tokensFile?: string;
  /** The tokens file's content: scope → token. */
  readonly tokens: Readonly<Record<string, string>>;
  /** Get user-only scopes from the mock-only token route (always on for the embedded mock). */
  readonly mockOnlyTokens: boolean;
  readonly timeoutMs: number;
  /** A response body past this many bytes is not read further; its request fails. */
  readonly maxResponseBytes: number;
  /** Total time one request may wait on the Retry-After of 429 answers before it fails. */
  readonly maxRetryWaitMs: number;
  readonly concurrency: number;
  readonly reportDir: string;
  readonly grep?: string;
  readonly strict: boolean;
  readonly shard?: { readonly index: number; readonly count: number };
  readonly expectations?: string;
  /** More skipped cases than this fail the run (`--max-skipped`; CI). */
  readonly maxSkipped?: number;
  readonly cleanup: boolean;
}

/** One layer of configuration as given (config file, environment or flags): every key optional. */
export type RawTargetConfig = Partial<{
  [K in Exclude<keyof TargetConfig, 'tokens' | 'shard'>]: string | number | boolean;
}> & { shard?: string };

export const DEFAULT_TARGET_CONFIG = {
  timeoutMs: 10_000,
  maxResponseBytes: 16 * 1024 * 1024,
  maxRetryWaitMs: 5000,
  concurrency: 8,
  reportDir: 'reports',
  strict: false,
  cleanup: true,
  mockOnlyTokens: false,
} as const;

/** Environment variables, FLOWS_CONFORMANCE_<NAME>, by config key. */
export const ENV_NAMES: Readonly<Record<keyof RawTargetConfig, string>> = {
  baseUrl: 'FLOWS_CONFORMANCE_TARGET',
  applicationId: 'FLOWS_CONFORMANCE_APPLICATION_ID',
  otherApplicationId: 'FLOWS_CONFORMANCE_OTHER_APPLICATION_ID',
  foreignApplicationId: 'FLOWS_CONFORMANCE_FOREIGN_APPLICATION_ID',
  adminToken: 'FLOWS_CONFORMANCE_ADMIN_TOKEN',
  userEmail: 'FLOWS_CONFORMANCE_USER_EMAIL',
  userPassword: 'FLOWS_CONFORMANCE_USER_PASSWORD',
  tokensFile: 'FLOWS_CONFORMANCE_TOKENS',
  mockOnlyTokens: 'FLOWS_CONFORMANCE_MOCK_ONLY_TOKENS',
  timeoutMs: 'FLOWS_CONFORMANCE_TIMEOUT',
  maxResponseBytes: 'FLOWS_CONFORMANCE_MAX_RESPONSE_BYTES',
  maxRetryWaitMs: 'FLOWS_CONFORMANCE_MAX_RETRY_WAIT',
  concurrency: 'FLOWS_CONFORMANCE_CONCURRENCY',
  reportDir: 'FLOWS_CONFORMANCE_REPORT_DIR',
  grep: 'FLOWS_CONFORMANCE_GREP',
  strict: 'FLOWS_CONFORMANCE_STRICT',
  shard: 'FLOWS_CONFORMANCE_SHARD',
  expectations: 'FLOWS_CONFORMANCE_EXPECTATIONS',
  maxSkipped: 'FLOWS_CONFORMANCE_MAX_SKIPPED',
  cleanup: 'FLOWS_CONFORMANCE_CLEANUP',
};

export const CONFIG_FILE_ENV = 'FLOWS_CONFORMANCE_CONFIG';

/** Keys a config file may not hold: secrets belong in the environment. */
const SECRET_KEYS: ReadonlySet<string> = new Set(['adminToken', 'userPassword']);

export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(`${what} ${file} is not valid JSON`);
  }
}

export function configFileLayer(file: string): RawTargetConfig {
  const content = readJsonFile(file, 'config file');
  if (!isRecord(content)) throw new UsageError(`config file ${file} must hold a JSON object`);
  const known = new Set(Object.keys(ENV_NAMES));
  for (const key of Object.keys(content)) {
    if (!known.has(key))
      throw new UsageError(
        `config file ${file}: unknown key "${key}" (valid keys: ${[...known].filter((name) => !SECRET_KEYS.has(name)).join(', ')})`,
      );
    if (SECRET_KEYS.has(key)) {
      throw new UsageError(`config file ${file}: put ${key} in the environment, not in a file`);
    }
  }
  return content as RawTargetConfig;
}

export function environmentLayer(env: NodeJS.ProcessEnv): RawTargetConfig {
  const layer: Record<string, string> = {};
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== '') layer[key] = value;
  }
  return layer as RawTargetConfig;
}

export function loadTokensFile(file: string): Record<string, string> {
  const content = readJsonFile(file, 'tokens file');
  if (
    !isRecord(content) ||
    !Object.values(content).every((token) => typeof token === 'string' && token !== '')
  ) {
    throw new UsageError(`tokens file ${file} must be a JSON object mapping each scope to a token string`);
  }
  return content as Record<string, string>;
}

export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard must be I/N with 1 <= I <= N (got "${text}")`);
  }
  return { index, count };
}

/**
 * How a setting is named in a message: the flag when there is one (`--timeout`), else the environment
 * variable and the config key, so that a bad value from any layer can be found where it was set.
 */
const SETTING_NAMES = {
  cleanup: `--no-cleanup (${ENV_NAMES.cleanup}, config "cleanup")`,
  mockOnlyTokens: `--mock-only-tokens (${ENV_NAMES.mockOnlyTokens}, config "mockOnlyTokens")`,
  strict: `--strict (${ENV_NAMES.strict}, config "strict")`,
} as const;

/** Application ids as the catalog's path parameter has them: 24 hexadecimal digits. */
const OBJECT_ID = new RegExp(APPLICATION_ID.pattern);

function objectId(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !OBJECT_ID.test(value))
    throw new UsageError(`${flag} must be an id of 24 hexadecimal digits (got "${value}")`);
  return value;
}

function integer(value: string | number | boolean | undefined, name: string, min: number, max: number) {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`${name} must be an integer from ${min} to ${max} (got "${String(value)}")`);
  }
  return number;
}

function boolean(value: string | number | boolean | undefined, name: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new UsageError(`${name} must be true or false (got "${String(value)}")`);
}

const text = (value: string | number | boolean | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : String(value);

const baseUrl = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : targetBaseUrl(value, '; use the token options');

/** `--target`: an http(s) base URL with no credentials, query or fragment, without its trailing slashes. */
export function targetBaseUrl(value: string, credentialsHint = ''): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--target must be an http(s) URL (got "${value}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError('--target must be http or https');
  if (url.username || url.password)
    throw new UsageError(`--target must not hold credentials${credentialsHint}`);
  if (url.search || url.hash)
    throw new UsageError('--target must be a base URL, without a query or fragment');
  return value.replace(/\/+$/, '');
}

/** Later layers win; the result is validated as a whole. */
export function resolveTargetConfig(layers: readonly RawTargetConfig[]): TargetConfig {
  const merged: RawTargetConfig = { ...DEFAULT_TARGET_CONFIG };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer))
      if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  const target = baseUrl(text(merged.baseUrl));
  const tokensFile = text(merged.tokensFile);
  const config: TargetConfig = {
    baseUrl: target,
    applicationId: objectId(text(merged.applicationId), '--application-id'),
    otherApplicationId: objectId(text(merged.otherApplicationId), '--other-application-id'),
    foreignApplicationId: objectId(text(merged.foreignApplicationId), '--foreign-application-id'),
    adminToken: text(merged.adminToken),
    userEmail: text(merged.userEmail),
    userPassword: text(merged.userPassword),
    tokensFile,
    tokens: tokensFile ? loadTokensFile(tokensFile) : {},
    mockOnlyTokens: boolean(merged.mockOnlyTokens, SETTING_NAMES.mockOnlyTokens),
    timeoutMs: integer(merged.timeoutMs, '--timeout', 1, 600_000),
    // Past 512 MiB a body could not even become one string (V8's limit).
    maxResponseBytes: integer(merged.maxResponseBytes, '--max-response-bytes', 1, 512 * 1024 * 1024),
    maxRetryWaitMs: integer(merged.maxRetryWaitMs, '--max-retry-wait', 0, 600_000),
    concurrency: integer(merged.concurrency, '--concurrency', 1, 256),
    reportDir: text(merged.reportDir) ?? DEFAULT_TARGET_CONFIG.reportDir,
    grep: text(merged.grep),
    strict: boolean(merged.strict, SETTING_NAMES.strict),
    shard: merged.shard === undefined ? undefined : parseShard(String(merged.shard)),
    expectations: text(merged.expectations),
    maxSkipped:
      text(merged.maxSkipped) === undefined
        ? undefined
        : integer(merged.maxSkipped, '--max-skipped', 0, 1_000_000),
    cleanup: boolean(merged.cleanup, SETTING_NAMES.cleanup),
  };
  if (config.userEmail !== undefined && config.userPassword === undefined) {
    throw new UsageError('--user-email needs --user-password (or FLOWS_CONFORMANCE_USER_PASSWORD)');
  }
  if (config.userPassword !== undefined && config.userEmail === undefined) {
    throw new UsageError('--user-password needs --user-email');
  }
  if (config.otherApplicationId !== undefined && config.otherApplicationId === config.applicationId)
    throw new UsageError('--other-application-id must name another application than --application-id');
  const reachable = [config.applicationId, config.otherApplicationId].map((id) => id?.toLowerCase());
  if (
    config.foreignApplicationId !== undefined &&
    reachable.includes(config.foreignApplicationId.toLowerCase())
  )
    throw new UsageError(
      '--foreign-application-id must name an application the credentials cannot reach, not --application-id or --other-application-id',
    );
  if (target !== undefined) {
    if (!config.applicationId) throw new UsageError('--target needs --application-id');
    if (!config.adminToken && !config.userEmail && !tokensFile) {
      throw new UsageError(
        '--target needs a credential: --admin-token, --user-email/--user-password or --tokens',
      );
    }
  }
  return config;
}
