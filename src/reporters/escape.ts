import { showControls } from './controls';

/** Text made safe for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text for a Markdown table cell, heading or paragraph, inert: one line, every character that could
 * open a construct backslash-escaped (links and images `[..](javascript:..)`, emphasis, code, the
 * column separator), no raw HTML, nothing at its start that makes a heading, list or quote, and every
 * control character shown as its escape.
 */
export function escapeMarkdownCell(text: string): string {
  return showControls(text)
    .replace(/[\\`*_[\]|!~#]/g, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ')
    .replace(/^(\s*)([-+>=]|\d+[.)])/, '$1\\$2');
}

/** Text as an inline code span that is safe in a table cell (GFM honours `\|` inside code spans). */
export function markdownCode(text: string): string {
  return '`' + showControls(text).replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ') + '`';
}

/** A fenced block whose fence is longer than any backtick run inside, so a message cannot close it. */
export function markdownFence(given: string, info = 'text'): string {
  const text = showControls(given);
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

// Characters XML 1.0 forbids; a server response excerpt can hold any of them.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text that XML 1.0 accepts, in an attribute or a CDATA section (whose end marker is broken up). */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD').replace(/]]>/g, ']] >');
}
