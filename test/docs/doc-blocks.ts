import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';

/**
 * How a fenced block of README.md or docs/*.md is checked, from the HTML comment on the line before its
 * fence (blank lines between are allowed):
 * - no marker, language sh/bash/ts: **run** against the mock; every command must exit 0;
 * - `<!-- doc: needs real broker -->`, `<!-- doc: needs real API -->`: run with that service's URLs
 *   pointed at a closed loopback port; a command naming it must fail with one line and exit 2, the others
 *   must exit 0;
 * - `<!-- doc: illustration -->`: not run (output, a synopsis, a file format, a CI workflow);
 * - anything else (a JSON, YAML or untagged block without a marker, an unknown marker): unclassified,
 *   which fails the test.
 */
export type BlockKind = 'run' | 'needs' | 'illustration' | 'unclassified';

export interface DocBlock {
  /** `docs/mock.md:71`: the file and the line of the opening fence. */
  readonly where: string;
  readonly language: string;
  readonly code: string;
  readonly kind: BlockKind;
  /** For `needs`: the outside service named by the marker. */
  readonly needs?: 'real broker' | 'real API';
  /** Why a block is unclassified. */
  readonly problem?: string;
}

const RUNNABLE_LANGUAGES = new Set(['sh', 'bash', 'ts', 'typescript']);
const MARKER = /^<!--\s*doc:\s*(.+?)\s*-->$/;

function classify(
  language: string,
  marker: string | undefined,
): Pick<DocBlock, 'kind' | 'needs' | 'problem'> {
  if (marker === 'illustration') return { kind: 'illustration' };
  if (marker === 'needs real broker' || marker === 'needs real API')
    return RUNNABLE_LANGUAGES.has(language) && language !== 'ts' && language !== 'typescript'
      ? { kind: 'needs', needs: marker === 'needs real broker' ? 'real broker' : 'real API' }
      : { kind: 'unclassified', problem: `"${marker}" is for shell blocks` };
  if (marker !== undefined)
    return {
      kind: 'unclassified',
      problem: `unknown marker "doc: ${marker}" (illustration, needs real broker, needs real API)`,
    };
  if (RUNNABLE_LANGUAGES.has(language)) return { kind: 'run' };
  return {
    kind: 'unclassified',
    problem: `a "${language || 'untagged'}" block needs a marker: <!-- doc: illustration --> or <!-- doc: needs ... -->`,
  };
}

/** The fenced blocks of one Markdown text, each classified by the marker before it. */
export function blocksOf(file: string, text: string): DocBlock[] {
  const lines = text.split('\n');
  const blocks: DocBlock[] = [];
  for (let at = 0; at < lines.length; at++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[at]);
    if (!open) continue;
    const [, indent, fence, language] = open;
    let end = at + 1;
    while (end < lines.length && !lines[end].trim().startsWith(fence)) end++;
    let before = at - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    const marker = before >= 0 ? MARKER.exec(lines[before].trim())?.[1] : undefined;
    const code = lines
      .slice(at + 1, end)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join('\n');
    blocks.push({ where: `${file}:${at + 1}`, language, code, ...classify(language, marker) });
    at = end;
  }
  return blocks;
}

/** README.md and every docs/*.md, in that order. */
export function documentationFiles(root = PACKAGE_ROOT): string[] {
  const docs = readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join('docs', name));
  return ['README.md', ...docs];
}

export const allDocBlocks = (root = PACKAGE_ROOT): DocBlock[] =>
  documentationFiles(root).flatMap((file) => blocksOf(file, readFileSync(path.join(root, file), 'utf8')));
