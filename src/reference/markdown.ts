/**
 * The few pieces of Markdown the reference is written with: headings with an `<a name>` anchor,
 * fenced JSON blocks, pipe tables, links and HTML entities.
 */

export interface MarkdownSection {
  readonly title: string;
  /** The `<a name="...">` of the heading, if it has one. */
  readonly anchor?: string;
  /** The text below the heading, up to the next heading of the same or a higher level. */
  readonly body: string;
}

const ANCHOR = /<a name="([^"]+)"><\/a>/;

/** The sections opened by headings of exactly `level` (`##` is 2). */
export function sectionsAt(markdown: string, level: number): MarkdownSection[] {
  const lines = markdown.split('\n');
  const heading = new RegExp(`^#{1,${level}} `);
  const own = new RegExp(`^#{${level}} (.*)$`);
  const sections: { title: string; anchor?: string; lines: string[] }[] = [];
  let current: (typeof sections)[number] | undefined;
  for (const line of lines) {
    const match = own.exec(line);
    if (match) {
      const anchor = ANCHOR.exec(match[1])?.[1];
      current = { title: match[1].replace(ANCHOR, '').trim(), anchor, lines: [] };
      sections.push(current);
    } else if (heading.test(line)) current = undefined;
    else current?.lines.push(line);
  }
  return sections.map(({ title, anchor, lines: body }) => ({ title, anchor, body: body.join('\n') }));
}

export function sectionTitled(
  sections: readonly MarkdownSection[],
  title: string,
  where: string,
): MarkdownSection {
  const section = sections.find((candidate) => candidate.title === title);
  if (!section) throw new Error(`${where}: no section "${title}"`);
  return section;
}

/** The parsed contents of the ```json blocks of `text`, in order. */
export function jsonBlocks(text: string): unknown[] {
  return [...text.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => JSON.parse(match[1]) as unknown);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/** The first pipe table of `text`: one record per row, keyed by the header cells; cells entity-decoded and trimmed. */
export function firstTable(text: string): Record<string, string>[] {
  const rows = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'));
  if (rows.length < 2) return [];
  const cells = (row: string) =>
    row
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((cell) => decodeEntities(cell.trim()));
  const header = cells(rows[0]);
  return rows
    .slice(2)
    .map((row) => Object.fromEntries(cells(row).map((cell, index) => [header[index], cell])));
}

export interface MarkdownLink {
  readonly text: string;
  readonly href: string;
}

export function parseLink(text: string): MarkdownLink | undefined {
  const match = /\[([^\]]*)\]\(([^)]*)\)/.exec(text);
  return match ? { text: match[1], href: match[2] } : undefined;
}
