import path from 'node:path';
import { ensureDirectory } from '../directories';
import type { Reporter, RunReport } from '../engine/results';
import { writeFileReplacing } from './atomic-write';

export interface RenderedFile {
  /** Relative to the report directory. */
  readonly file: string;
  readonly content: string;
}

/** A reporter that renders its files as text first, so writeReports can scrub them before they touch disk. */
export interface FileReporter extends Reporter {
  /** `reportDir`, when given, is where the files go (for links to files beside them). */
  render(report: RunReport, reportDir?: string): readonly RenderedFile[];
}

export const isFileReporter = (reporter: Reporter): reporter is FileReporter =>
  typeof (reporter as Partial<FileReporter>).render === 'function';

export async function writeRenderedFiles(
  files: readonly RenderedFile[],
  reportDir: string,
): Promise<string[]> {
  const written: string[] = [];
  for (const { file, content } of files) {
    const target = path.join(reportDir, file);
    ensureDirectory(path.dirname(target));
    await writeFileReplacing(target, content);
    written.push(target);
  }
  return written;
}

export function fileReporter(
  name: string,
  render: (report: RunReport, reportDir?: string) => readonly RenderedFile[],
): FileReporter {
  return {
    name,
    render,
    write: (report, reportDir) => writeRenderedFiles(render(report, reportDir), reportDir),
  };
}
