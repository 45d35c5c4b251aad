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
