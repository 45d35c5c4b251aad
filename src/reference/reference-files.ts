import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DIR } from '../paths';

/** The reference's Markdown, read at test time from ../shared/spec (never copied into the project). */
export const REFERENCE_SPEC_DIR = path.join(SHARED_DIR, 'spec');

export const readReferenceMarkdown = (file: 'schemas.md' | 'flows-actions.md'): string =>
  readFileSync(path.join(REFERENCE_SPEC_DIR, file), 'utf8');
