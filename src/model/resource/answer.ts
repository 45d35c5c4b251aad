import { isDeepStrictEqual } from 'node:util';
import type { SchemaName } from '../../../specs/catalog';
import { describeViolation, validatorFor } from '../../schemas/registry';
import { isRecord } from '../json';
import { pointerTo } from '../json-pointer';
import type { Level } from '../results';
import { difference, type Difference } from './verdict';

/** An answer as the model judges it: no HTTP, only what came back. */
export interface Answer {
  readonly status: number;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed body; `undefined` when it was not JSON. */
  readonly body: unknown;
  readonly text: string;
}

const CONVENTIONS = 'docs/reference-decisions.md API-wide conventions';

/** What no answer may be: a 5xx, or not JSON (MUST). */
export function basics(answer: Answer): Difference[] {
  if (answer.status >= 500)
    return [difference('serverError', 'MUST', '', `answered ${answer.status}`, CONVENTIONS)];
  if (answer.body === undefined)
    return [difference('jsonBody', 'MUST', '', 'the body is not JSON', CONVENTIONS)];
  return [];
}

/** The body against the schema of its status (MUST): each violation with its JSON pointer. */
export function schemaDifferences(schema: SchemaName, body: unknown): Difference[] {
  return validatorFor(schema)(body)
    .slice(0, 1)
    .map((violation) =>
      difference(
        'schema',
        'MUST',
        violation.instancePath,
        describeViolation(violation),
        `schemas.md (${schema})`,
      ),
    );
}

export { pointerTo } from '../json-pointer';

/** Every key `sent` holds, with the same value in `read` (JSON compared as values, key order free). */
export function keptAsSent(
  sent: Readonly<Record<string, unknown>>,
  read: unknown,
  at: string,
  level: Level,
  skip: readonly string[] = [],
): Difference[] {
  if (!isRecord(read))
    return [difference('roundTrip', level, at, 'not an object', 'docs/decisions.md Levels')];
  return Object.keys(sent)
    .filter((key) => !skip.includes(key) && sent[key] !== null)
    .filter((key) => !isDeepStrictEqual(sent[key], read[key]))
    .slice(0, 1)
    .map((key) =>
      difference(
        'roundTrip',
        level,
        `${at}${pointerTo(key)}`,
        `${key} is ${JSON.stringify(read[key])?.slice(0, 200)}, sent ${JSON.stringify(sent[key]).slice(0, 200)}`,
        'docs/decisions.md Levels (what is stored is what is read)',
      ),
    );
}

/** Decision 10's defaults where the request said nothing (SHOULD). */
export function defaultsFilled(
  sent: Readonly<Record<string, unknown>>,
  read: Readonly<Record<string, unknown>>,
  defaults: Readonly<Record<string, unknown>>,
  at: string,
  location: string,
): Difference[] {
  return Object.keys(defaults)
    .filter((key) => !(key in sent) || key === 'stats')
    .filter((key) => !isDeepStrictEqual(read[key], defaults[key]))
    .slice(0, 1)
    .map((key) =>
      difference(
        'filledDefaults',
        'SHOULD',
        `${at}${pointerTo(key)}`,
        `${key} is ${JSON.stringify(read[key])}`,
        location,
      ),
    );
}

export const sameId = (a: unknown, b: unknown): boolean =>
  typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

/** An instant as epoch ms, or NaN when it is not one. */
export const instant = (value: unknown): number =>
  typeof value === 'string' ? Date.parse(value) : Number.NaN;

/** The lower-cased ids an answer's `customNodes` lists, or undefined when it has no such list. */
export const customNodeIds = (body: Readonly<Record<string, unknown>>): string[] | undefined =>
  Array.isArray(body.customNodes)
    ? body.customNodes.map((node) =>
        isRecord(node) && typeof node.id === 'string' ? node.id.toLowerCase() : '',
      )
    : undefined;

/** A custom node of another application in `customNodes` (decision 9 never reaches past the application). */
export function customNodeLeak(
  listed: readonly string[] | undefined,
  elsewhere: ReadonlySet<string>,
): Difference[] {
  const leaked = listed?.find((id) => elsewhere.has(id));
  return leaked === undefined
    ? []
    : [
        difference(
          'noForeignData',
          'MUST',
          '/customNodes',
          `customNodes holds ${leaked} of another application`,
          'docs/decisions.md Levels',
        ),
      ];
}
