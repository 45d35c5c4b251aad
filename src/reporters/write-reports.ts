import { readFile } from 'node:fs/promises';
import { ensureDirectory } from '../directories';
import type { Reporter, RunReport } from '../engine/results';
import { writeFileReplacing } from './atomic-write';
import { isFileReporter, writeRenderedFiles } from './file-reporter';
import { htmlReporter } from './html-reporter';
import { jsonReporter } from './json-reporter';
import { junitReporter } from './junit-reporter';
import { markdownReporter } from './markdown-reporter';
import { redactorOf, type Redactor } from '../http/redact';
import { redactReport } from './redact';

/** conformance.json, junit.xml, summary.md and index.html. */
export const defaultReporters = (): Reporter[] => [
  jsonReporter(),
  junitReporter(),
  markdownReporter(),
  htmlReporter(),
];

export interface ReporterError {
  readonly reporter: string;
  readonly message: string;
}

export interface WrittenReports {
  /** Paths of the files written, in reporter order. */
  readonly files: readonly string[];
  /** Reporters that threw; the others were still written. The caller prints these and fails. */
  readonly errors: readonly ReporterError[];
}

async function writeOne(reporter: Reporter, report: RunReport, reportDir: string, redactor: Redactor) {
  if (isFileReporter(reporter)) {
    const rendered = reporter
      .render(report, reportDir)
      .map(({ file, content }) => ({ file, content: redactor.redactValues(content) }));
    return writeRenderedFiles(rendered, reportDir);
  }
  // A reporter that writes its own files: scrub them after the fact.
  const files = await reporter.write(report, reportDir);
  if (redactor.secrets.length > 0)
    for (const file of files) {
      const content = await readFile(file, 'utf8');
      const scrubbed = redactor.redactValues(content);
      if (scrubbed !== content) await writeFileReplacing(file, scrubbed);
    }
  return files;
}

/**
 * Creates reportDir and writes every report into it. The secrets (tokens, passwords) are scrubbed
 * from the report before formatting (by value and by structure) and from every file's content before
 * writing (by value: the engine already redacts, this is defence in depth). One reporter throwing does
 * not stop the others.
 */
export async function writeReports(
  report: RunReport,
  reportDir: string,
  reporters: readonly Reporter[] = defaultReporters(),
  secrets: Iterable<string> | Redactor = [],
): Promise<WrittenReports> {
  ensureDirectory(reportDir);
  const redactor = redactorOf(secrets);
  const safeReport = redactReport(report, redactor);
  const files: string[] = [];
  const errors: ReporterError[] = [];
  for (const reporter of reporters) {
    try {
      files.push(...(await writeOne(reporter, safeReport, reportDir, redactor)));
    } catch (error) {
      const message = redactor.redact(error instanceof Error ? error.message : String(error));
      errors.push({ reporter: reporter.name, message: message.split('\n')[0] });
    }
  }
  return { files, errors };
}
