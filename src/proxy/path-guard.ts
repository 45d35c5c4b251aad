/**
 * Whether a request path holds a `..` segment, spelled plainly or percent-encoded (`%2e%2e`, `.%2E`).
 * The upstream URL is the target's base joined with the client's path, and URL parsing resolves such a
 * segment (WHATWG URL decodes `%2e` there, and reads `\` as `/`): it would climb out of the target's
 * base path to whatever else the target's host serves.
 */
export function climbsOutOfBase(path: string): boolean {
  return path.split(/[/\\]/).some((segment) => segment.replace(/%2e/gi, '.') === '..');
}
