import { showControls } from '../reporters';
import { UsageError } from './usage-error';

export const MAX_RUNS = 1_000_000;
export const MAX_DURATION_S = 24 * 3600;

/** A flag's whole number within bounds; undefined when not given; a UsageError naming the flag if not one. */
export function wholeNumber(value: unknown, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${showControls(text)}"`);
  return Number(text);
}

/** The bounds of a run whose inputs are drawn (`fuzz`, `explore`): --runs or --duration, --seed, --path. */
export function drawnRunBounds(options: Record<string, unknown>) {
  const runs = wholeNumber(options.runs, '--runs', 1, MAX_RUNS);
  const duration = wholeNumber(options.duration, '--duration', 1, MAX_DURATION_S);
  const seed = wholeNumber(options.seed, '--seed', 0, 2 ** 31 - 1);
  if (runs !== undefined && duration !== undefined)
    throw new UsageError('give --runs or --duration, not both');
  if (options.path !== undefined && (seed === undefined || !/^\d+(:\d+)*$/.test(String(options.path))))
    throw new UsageError('--path needs --seed, and is numbers joined by ":" as a failure prints it');
  return {
    runs,
    durationMs: duration === undefined ? undefined : duration * 1000,
    seed,
    path: options.path as string | undefined,
  };
}
