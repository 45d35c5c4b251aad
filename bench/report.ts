import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median } from './stats';

/** One figure of the bench: the median of its runs, beside the baseline measured in the same run. */
export interface Figure {
  readonly phase: string;
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  readonly runs: readonly number[];
  readonly baseline?: { readonly name: string; readonly value: number };
  /** value / baseline. */
  readonly ratio?: number;
  readonly target?: { readonly text: string; readonly met: boolean };
}

export interface FigureInput {
  readonly name: string;
  readonly unit: string;
  readonly runs: readonly number[];
  readonly baseline?: { readonly name: string; readonly runs: readonly number[] };
  /** Given the value and the ratio, whether the target is met, and the target as text. */
  readonly target?: { readonly text: string; readonly met: (value: number, ratio: number) => boolean };
}

export function figure(phase: string, input: FigureInput): Figure {
  const value = median(input.runs);
  const baseline = input.baseline && { name: input.baseline.name, value: median(input.baseline.runs) };
  const ratio = baseline ? value / baseline.value : undefined;
  return {
    phase,
    name: input.name,
    unit: input.unit,
    value,
    runs: input.runs,
    baseline,
    ratio,
    target: input.target && {
      text: input.target.text,
      met: input.target.met(value, ratio ?? Number.NaN),
    },
  };
}

const shown = (value: number, unit: string): string => {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'bytes') return `${(value / 1024 / 1024).toFixed(0)} MiB`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
};

export interface BenchReport {
  readonly startedAt: string;
  readonly durationMs: number;
  readonly machine: { readonly cpus: number; readonly loadAverage: readonly number[]; readonly node: string };
  readonly figures: readonly Figure[];
  readonly notes: readonly string[];
}

export function markdown(report: BenchReport): string {
  const lines = [
    '# Benchmark',
    '',
    `Run ${report.startedAt}, ${(report.durationMs / 1000).toFixed(0)} s, Node ${report.machine.node}, ` +
      `${report.machine.cpus} CPUs, load average at start ${report.machine.loadAverage.map((load) => load.toFixed(1)).join(' ')}.`,
    'Other load may have been present on the machine (the cores are shared): compare the ratios, which are ',
    'measured in the same run as their baselines, rather than the absolute figures. See docs/bench.md.',
    '',
  ];
  for (const phase of [...new Set(report.figures.map((entry) => entry.phase))]) {
    lines.push(
      `## ${phase}`,
      '',
      '| Figure | Median | Runs | Baseline | Ratio | Target |',
      '|---|---|---|---|---|---|',
    );
    for (const entry of report.figures.filter((candidate) => candidate.phase === phase)) {
      lines.push(
        `| ${entry.name} | ${shown(entry.value, entry.unit)} | ${entry.runs.length} | ` +
          `${entry.baseline ? `${entry.baseline.name}: ${shown(entry.baseline.value, entry.unit)}` : ''} | ` +
          `${entry.ratio === undefined ? '' : `${entry.ratio.toFixed(2)}×`} | ` +
          `${entry.target ? `${entry.target.met ? 'met' : '**missed**'} (${entry.target.text})` : ''} |`,
      );
    }
    lines.push('');
  }
  if (report.notes.length > 0) lines.push('## Notes', '', ...report.notes.map((note) => `- ${note}`), '');
  return lines.join('\n');
}

export function writeBenchReports(report: BenchReport, directory: string): string[] {
  mkdirSync(directory, { recursive: true });
  const json = path.join(directory, 'bench.json');
  const md = path.join(directory, 'bench.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(md, markdown(report));
  return [json, md];
}
