import type { ActionSpec, QueryParameter } from '../../../specs/catalog';
import {
  decodedDefault,
  decodeQueryText,
  decodeValue,
  InvalidQueryValue,
  MalformedQuery,
} from '../query-codec';
import type { Level } from '../results';

/**
 * A query as the reference and the decisions read it (decision 3, P5): either refused (400) at the level
 * of the rule that refuses it, or read into effective values. `cap` is SHOULD when the reading rests on
 * a decision a correct server may read otherwise (a parameter name in another case), so every comparison
 * made from it is at most SHOULD.
 */
export type QueryReading =
  | {
      readonly kind: 'read';
      readonly values: ReadonlyMap<string, unknown>;
      /** Parameters the request gave, non-blank. */
      readonly given: ReadonlySet<string>;
      readonly cap: Level;
    }
  | {
      readonly kind: 'refused';
      /** MUST: nothing else than 400 conforms. SHOULD: a decision's 400; a served page conforms too. */
      readonly level: Level;
      readonly reason: string;
      readonly location: string;
      /** The parameter refused, when one is (not for a malformed query string). */
      readonly parameter?: string;
    };

const DECISION_3 = 'docs/reference-decisions.md decision 3';
const P5 = 'docs/decisions.md P5';

const refused = (level: Level, reason: string, location: string, parameter?: string): QueryReading => ({
  kind: 'refused',
  level,
  reason,
  location,
  ...(parameter !== undefined && { parameter }),
});

/** The first of several refusals wins the MUST level if any is MUST (a MUST refusal cannot be outweighed). */
const worse = (a: QueryReading | undefined, b: QueryReading): QueryReading =>
  a?.kind === 'refused' && (a.level === 'MUST' || b.kind !== 'refused' || b.level === 'SHOULD') ? a : b;

const blankMeansAbsent = (parameter: QueryParameter, raw: unknown): boolean =>
  raw === '' && (parameter.required || parameter.default === '');

/** A value beyond decision 3's SHOULD maximum (perPage above 1000) is refused only at SHOULD. */
function valueRefusal(parameter: QueryParameter, raw: unknown): QueryReading | undefined {
  try {
    decodeValue(parameter.value, raw);
    return undefined;
  } catch (error) {
    if (!(error instanceof InvalidQueryValue)) throw error;
    const kind = parameter.value;
    if (Array.isArray(raw) && kind.kind !== 'triggerFilter')
      return refused('SHOULD', `${parameter.name} given twice`, P5, parameter.name);
    if (raw === '') return refused('SHOULD', `${parameter.name} is blank`, P5, parameter.name);
    const overMaximum =
      kind.kind === 'nonNegativeInteger' &&
      kind.shouldMaximum !== undefined &&
      typeof raw === 'string' &&
      /^\d{1,15}$/.test(raw) &&
      Number(raw) > kind.shouldMaximum &&
      (kind.minimum === undefined || Number(raw) >= kind.minimum);
    return refused(
      overMaximum ? 'SHOULD' : 'MUST',
      `${parameter.name} ${error.message}`,
      DECISION_3,
      parameter.name,
    );
  }
}

function decodedText(raw: string): Record<string, unknown> | undefined {
  try {
    return decodeQueryText(raw);
  } catch (error) {
    if (error instanceof MalformedQuery) return undefined;
    throw error;
  }
}

/** Reads the raw query text of a request to `action` (the text after `?`, as sent). */
export function readQuery(action: ActionSpec, raw: string): QueryReading {
  const parsed = decodedText(raw);
  if (parsed === undefined) return refused('MUST', 'malformed query string', DECISION_3);
  return readQueryFields(action, parsed);
}

/** Reads a query already decoded into its fields (`decodeQueryText`). */
export function readQueryFields(action: ActionSpec, parsed: Readonly<Record<string, unknown>>): QueryReading {
  const values = new Map<string, unknown>();
  const given = new Set<string>();
  let refusal: QueryReading | undefined;
  let cap: Level = 'MUST';
  const names = Object.keys(parsed);
  for (const parameter of action.query) {
    const rawValue = Object.prototype.hasOwnProperty.call(parsed, parameter.name)
      ? parsed[parameter.name]
      : undefined;
    if (names.some((name) => name !== parameter.name && name.toLowerCase() === parameter.name.toLowerCase()))
      cap = 'SHOULD';
    if (rawValue === undefined || blankMeansAbsent(parameter, rawValue)) {
      if (parameter.required)
        refusal = worse(
          refusal,
          refused('MUST', `${parameter.name} is required`, DECISION_3, parameter.name),
        );
      values.set(parameter.name, decodedDefault(parameter));
      continue;
    }
    const problem = valueRefusal(parameter, rawValue);
    if (problem) {
      refusal = worse(refusal, problem);
      continue;
    }
    values.set(parameter.name, decodeValue(parameter.value, rawValue));
    given.add(parameter.name);
  }
  if (refusal?.kind === 'refused' && cap === 'SHOULD') return { ...refusal, level: 'SHOULD' };
  return refusal ?? { kind: 'read', values, given, cap };
}
