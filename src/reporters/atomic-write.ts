import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that a link planted under its name is replaced, never followed: the content goes to
 * a fresh file of a random name created exclusively (`wx`: O_CREAT | O_EXCL, which also refuses an
 * existing link), which is then renamed over the final name (rename replaces a link itself).
 * A reader never sees a half-written report either.
 */
export async function writeFileReplacing(target: string, content: string): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(8).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx', mode: 0o644 });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
