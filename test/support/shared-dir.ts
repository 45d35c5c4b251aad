import { existsSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DIR } from '../../src/paths';
import { REFERENCE_MARKDOWN_DIR, referenceMarkdownPresent } from '../../src/reference/extract';

/**
 * What some tests read from ../shared, beside the checkout (FLOWS_CONFORMANCE_SHARED points elsewhere).
 * A plain clone has no ../shared: those tests are skipped, and the run says so once (global-setup.ts).
 */
export const REAL_FLOWS_DIR = path.join(SHARED_DIR, 'fixtures-real', 'flows');

const SHARED_PARTS = {
  referenceMarkdown: {
    present: () => referenceMarkdownPresent(),
    what: `specs/reference checked against ${REFERENCE_MARKDOWN_DIR}/*.md`,
  },
  realFlows: {
    present: () => existsSync(REAL_FLOWS_DIR),
    what: `the tests of the real workflows of ${REAL_FLOWS_DIR}`,
  },
} as const;

export type SharedPart = keyof typeof SHARED_PARTS;

export const sharedPartPresent = (part: SharedPart): boolean => SHARED_PARTS[part].present();

/** One line naming what is skipped for want of ../shared, or undefined when nothing is. */
export function missingSharedLine(): string | undefined {
  const missing = Object.values(SHARED_PARTS).filter((part) => !part.present());
  if (missing.length === 0) return undefined;
  return (
    `Skipping (no ${SHARED_DIR}; FLOWS_CONFORMANCE_SHARED sets its place): ` +
    missing.map((part) => part.what).join(', and ')
  );
}

/** In a describe: skip its tests when `part` of ../shared is missing (the run's one line says why). */
export function skipWithoutShared(part: SharedPart): void {
  before(function skipWhenMissing() {
    if (!sharedPartPresent(part)) this.skip();
  });
}
