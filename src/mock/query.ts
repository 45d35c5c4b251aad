import qs from 'qs';
import type { ActionSpec, QueryParameter, QueryValueKind } from '../../specs/catalog';
import { describeViolation, validatorFor } from '../schemas/registry';
import { validationError, badRequest } from './errors';
import type { FaultSet } from './faults';

export interface TriggerFilterEntry {
  readonly type?: string;
  readonly key?: string;
}

/** The query of a request, validated against the catalog's parameters, with the catalog's defaults. */
export interface ParsedQuery {
  readonly values: ReadonlyMap<string, unknown>;
  /** Names of the parameters the request gave (non-blank). */
  readonly given: ReadonlySet<string>;
}

/** Bounds that keep absurd query strings cheap; beyond them the request is a 400. */
const QS_OPTIONS: qs.IParseOptions & { throwOnLimitExceeded: boolean } = {
  // Deeper brackets stay as literal keys, which the Workflow Trigger Filter schema then refuses.
  depth: 2,
  arrayLimit: 100,
  parameterLimit: 200,
  throwOnLimitExceeded: true,
  allowPrototypes: false,
  plainObjects: true,
};

export function rawQueryOf(url: string | undefined): string {
  const at = url?.indexOf('?') ?? -1;
  return at < 0 || url === undefined ? '' : url.slice(at + 1);
}

export function parseQueryString(raw: string): Record<string, unknown> {
  if (raw === '') return {};
  try {
    return qs.parse(raw, QS_OPTIONS) as Record<string, unknown>;
  } catch (error) {
    throw badRequest(`Malformed query string: ${(error as Error).message}`);
  }
}

class InvalidValue extends Error {}

const NON_NEGATIVE_INTEGER = /^\d{1,15}$/;

function parseValue(kind: QueryValueKind, raw: unknown): unknown {
  if (kind.kind === 'triggerFilter') {
    const violations = validatorFor(kind.schema)(raw);
    if (violations.length > 0)
      throw new InvalidValue(`is not a Workflow Trigger Filter (${describeViolation(violations[0])})`);
    return raw as readonly TriggerFilterEntry[];
  }
  if (typeof raw !== 'string') throw new InvalidValue('must be given once, as a plain value');
  switch (kind.kind) {
    case 'enum':
      if (!kind.acceptedValues.includes(raw))
        throw new InvalidValue(`must be one of: ${kind.acceptedValues.join(', ')}`);
      return raw;
    case 'nonNegativeInteger': {
      if (!NON_NEGATIVE_INTEGER.test(raw)) throw new InvalidValue('must be a non-negative integer');
      const value = Number(raw);
      if (kind.minimum !== undefined && value < kind.minimum)
        throw new InvalidValue(`must be at least ${kind.minimum}`);
      if (kind.shouldMaximum !== undefined && value > kind.shouldMaximum)
        throw new InvalidValue(`must be at most ${kind.shouldMaximum}`);
      return value;
    }
    case 'boolean': {
      const lowered = raw.toLowerCase();
      if (lowered !== 'true' && lowered !== 'false') throw new InvalidValue('must be true or false');
      return lowered === 'true';
    }
    case 'string':
    case 'glob':
      return raw;
  }
}

/**
 * Blank means "not provided" for the parameters whose reference default is blank (filter, filterField,
 * ...) and for required ones (so a blank `version` is missing); elsewhere it is an invalid value.
 */
const blankMeansAbsent = (parameter: QueryParameter, raw: unknown): boolean =>
  raw === '' && (parameter.required || parameter.default === '');

const defaultOf = (parameter: QueryParameter): unknown =>
  parameter.default === '' ? undefined : parseValue(parameter.value, parameter.default);

/** The value given for a parameter; names are case-sensitive (P5) unless the fault says otherwise. */
function rawValueOf(parsed: Record<string, unknown>, name: string, faults: FaultSet): unknown {
  if (Object.prototype.hasOwnProperty.call(parsed, name)) return parsed[name];
  if (!faults.on('query-names-case-insensitive')) return undefined;
  const key = Object.keys(parsed).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : parsed[key];
}

/**
 * Decision 3: every value outside what the catalog accepts is a 400 naming the parameter; unknown
 * parameters (`_actions`, `_links`, `_embedded` from losant-rest) are ignored.
 */
export function parseQuery(action: ActionSpec, raw: string, faults: FaultSet): ParsedQuery {
  const parsed = parseQueryString(raw);
  const values = new Map<string, unknown>();
  const given = new Set<string>();
  for (const parameter of action.query) {
    const rawValue = rawValueOf(parsed, parameter.name, faults);
    if (rawValue === undefined || blankMeansAbsent(parameter, rawValue)) {
      if (parameter.required && !faults.on('invalid-query-ignored')) {
        throw validationError(`Query parameter ${parameter.name} is required`);
      }
      values.set(parameter.name, defaultOf(parameter));
      continue;
    }
    if (faults.on('duplicate-query-crashes') && Array.isArray(rawValue) && parameter.name !== 'triggerFilter')
      throw new TypeError('duplicate-query-crashes');
    try {
      values.set(parameter.name, parseValue(parameter.value, rawValue));
      given.add(parameter.name);
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      if (faults.on('invalid-query-ignored')) {
        values.set(parameter.name, defaultOf(parameter));
        continue;
      }
      throw validationError(`Query parameter ${parameter.name} ${error.message}`);
    }
  }
  return { values, given };
}

/**
 * What identifies the answer to a query: the catalog's parameters with their effective values, and
 * which were given (echoes depend on it); unknown parameters and the order of parameters are not in it.
 */
export const queryKey = (query: ParsedQuery): string => JSON.stringify([[...query.values], [...query.given]]);
