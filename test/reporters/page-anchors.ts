/** Reading a rendered page's anchors, for the tests of its table of contents. */

export const idsIn = (html: string): string[] =>
  [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);

export const fragmentLinksIn = (html: string): string[] =>
  [...html.matchAll(/\shref="#([^"]*)"/g)].map((match) => match[1]);

/** Every `href="#x"` with no element `id="x"`, and every id given twice. */
export function anchorProblems(html: string): { dangling: string[]; duplicated: string[] } {
  const ids = idsIn(html);
  const known = new Set(ids);
  return {
    dangling: [...new Set(fragmentLinksIn(html).filter((fragment) => !known.has(fragment)))],
    duplicated: [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))],
  };
}

/** The HTML of the element that carries `id`, up to its closing tag of the same name (no nesting of it). */
export function elementById(html: string, id: string): string {
  const start = html.indexOf(` id="${id}"`);
  if (start < 0) throw new Error(`no element with id ${id}`);
  const open = html.lastIndexOf('<', start);
  const tag = /^<([a-z0-9]+)/i.exec(html.slice(open))?.[1] ?? '';
  let depth = 0;
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  pattern.lastIndex = open;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return html.slice(open, match.index + match[0].length);
  }
  throw new Error(`element ${id} is not closed`);
}
