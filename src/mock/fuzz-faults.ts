import { loadSchemaFile } from '../schemas/registry';
import { SCHEMA_FILES } from '../../specs/catalog';
import { validationError } from './errors';

/**
 * The behaviours of the faults that only generated input finds (`flows-conformance fuzz`; FOUND_BY_FUZZ
 * of faults.ts): each a boundary or a character no hand-written case uses. behaviour.ts switches them on;
 * each is called at one place of the mock with its switch.
 */

type Fields = Readonly<Record<string, unknown>>;

const postProperties = loadSchemaFile(SCHEMA_FILES.workflowPost).properties as Record<
  string,
  { maxLength?: number }
>;
/** Workflow Post's name maxLength, from the schema. */
const NAME_MAX_LENGTH = postProperties.name.maxLength as number;

/** Depth at which a crashing store gives up. */
const CRASHING_DEPTH = 20;

const codePoints = (text: string): number => [...text].length;

/** A name of exactly maxLength characters refused (an off-by-one). */
export function refuseNameAtMaxLength(on: boolean, body: unknown): void {
  const name = (body as { name?: unknown } | null)?.name;
  if (on && typeof name === 'string' && codePoints(name) === NAME_MAX_LENGTH)
    throw validationError(`Invalid flow: /name must NOT have more than ${NAME_MAX_LENGTH - 1} characters`);
}

/** A triggerFilter key holding a `.` looked up as a path, which crashes (a 500). */
export function crashOnDottedKey(on: boolean, entries: readonly { key?: string }[] | undefined): void {
  if (on && entries?.some((entry) => entry.key?.includes('.')))
    throw new TypeError('cannot read properties of undefined (reading a dotted triggerFilter key)');
}

const depthOf = (value: unknown): number =>
  typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;

/** A node config nested twenty levels deep overflows the store (a 500). */
export function crashOnDeepConfig(on: boolean, content: Fields): void {
  if (!on || !Array.isArray(content.nodes)) return;
  const deep = content.nodes.some(
    (node) => typeof node === 'object' && node !== null && depthOf((node as Fields).config) >= CRASHING_DEPTH,
  );
  if (deep) throw new RangeError('maximum call stack size exceeded (a deep node config)');
}

/** A description cut before its first character beyond the BMP (an emoji). */
export function truncateAtEmoji<T extends Fields>(on: boolean, doc: T): T {
  const { description } = doc;
  if (!on || typeof description !== 'string') return doc;
  const characters = [...description];
  const astral = characters.findIndex((char) => char.codePointAt(0)! > 0xffff);
  return astral < 0 ? doc : { ...doc, description: characters.slice(0, astral).join('') };
}
