import { rmSync } from 'node:fs';
import type { Command } from 'commander';
import { exitCodeOf } from '../../engine/runner';
import { createConformanceProxy, DEFAULT_PROXY_TIMEOUT_MS, writeProxyReports } from '../../proxy';
import { summaryLine, writtenReportLines } from '../../reporters';
import { UsageError } from '../usage-error';
import { writableDirectoryOption } from '../writable-directory';
import { isLoopbackHost } from './mock';
import type { CommandRegistrar } from './registrar';
import { targetBaseUrl } from '../../target/config';

interface ProxyFlags {
  readonly target?: string;
  readonly host: string;
  readonly port: string;
  readonly reportDir: string;
  readonly errors?: boolean;
  readonly timeout?: string;
}

export const DEFAULT_PROXY_PORT = 4011;

function targetOf(value: string | undefined): string {
  if (value === undefined) throw new UsageError('--target URL is required: the server to forward to');
  return targetBaseUrl(value);
}

function portOf(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535)
    throw new UsageError(`--port must be 0-65535, got "${text}"`);
  return Number(text);
}

function timeoutOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PROXY_TIMEOUT_MS;
  const ms = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
  if (!(ms >= 1 && ms <= 3_600_000))
    throw new UsageError(`--timeout must be 1-3600000 milliseconds, got "${text}"`);
  return ms;
}

async function runProxy(flags: ProxyFlags, version: string): Promise<void> {
  const target = targetOf(flags.target);
  const port = portOf(flags.port);
  const timeoutMs = timeoutOf(flags.timeout);
  const reportDir = writableDirectoryOption('--report-dir', flags.reportDir);
  const proxy = createConformanceProxy({ target, errors: flags.errors, timeoutMs });
  let staging: string | undefined;
  let placed = false;
  // The first signal stops the proxy and writes the reports; a second stops at once, dropping the set
  // being written (the last complete one stays). One handler for both, so no second signal falls
  // between two handlers to the default action.
  const stopNow = () => {
    if (staging !== undefined) rmSync(staging, { recursive: true, force: true });
    process.stderr.write(
      placed
        ? `flows-conformance proxy: stopped; the reports are in ${reportDir}\n`
        : `flows-conformance proxy: stopped before the reports were written; ${reportDir} keeps the last complete set\n`,
    );
    process.exit(130);
  };
  let signals = 0;
  const stopped = new Promise<void>((resolve) => {
    const onSignal = () => {
      signals += 1;
      if (signals === 1) resolve();
      else stopNow();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  let url: string;
  try {
    url = await proxy.listen(port, flags.host);
  } catch (error) {
    await proxy.close();
    throw new UsageError(
      `cannot listen on ${flags.host}:${port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  process.stdout.write(`flows-conformance proxy listening on ${url}\n`);
  if (!isLoopbackHost(flags.host))
    process.stderr.write(
      `note: ${flags.host} is reachable from the network; whoever reaches it reaches ${target}\n`,
    );
  await stopped;
  await proxy.close();
  const written = await writeProxyReports(proxy.log, reportDir, version, (folder) => (staging = folder));
  placed = true;
  const report = proxy.log.report();
  const lines = writtenReportLines(written, reportDir);
  process.stdout.write(`judged exchanges: ${summaryLine(report.summary)}\n`);
  for (const line of lines.stderr) process.stderr.write(`${line}\n`);
  for (const line of lines.stdout) process.stdout.write(`${line}\n`);
  process.exitCode = written.errors.length > 0 ? 1 : exitCodeOf(report);
}

export const registerProxyCommand: CommandRegistrar = (program: Command) => {
  program
    .command('proxy')
    .description(
      'Forward traffic to --target and judge each exchange of the four Flows actions against the catalog, until SIGINT/SIGTERM',
    )
    .option('--target <url>', 'base URL of the server to forward to (required)')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 picks a free one)', String(DEFAULT_PROXY_PORT))
    .option('--report-dir <dir>', 'where the reports and exchanges.har go on SIGINT/SIGTERM', 'reports')
    .option(
      '--errors',
      'answer 502 with an Error body listing the violations when an answer breaks a MUST rule',
    )
    .option('--timeout <ms>', `answer 504 when the target takes longer (default ${DEFAULT_PROXY_TIMEOUT_MS})`)
    .action((flags: ProxyFlags) => runProxy(flags, program.version() ?? '0.0.0'));
};
