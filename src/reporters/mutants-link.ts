import { existsSync } from 'node:fs';
import path from 'node:path';

/** The kill matrix `npm run mutants` writes (src/mutants/report.ts). */
export const MUTANTS_MARKDOWN_FILE = 'mutants.md';

/** Links for summary.md and index.html to the kill matrix, when it is in their report directory. */
export interface ReportLinks {
  readonly mutants?: string;
}

export const reportLinksIn = (reportDir: string | undefined): ReportLinks =>
  reportDir !== undefined && existsSync(path.join(reportDir, MUTANTS_MARKDOWN_FILE))
    ? { mutants: MUTANTS_MARKDOWN_FILE }
    : {};
