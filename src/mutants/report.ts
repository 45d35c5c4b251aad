import { MUTANTS_MARKDOWN_FILE } from '../reporters/mutants-link';
import path from 'node:path';
import { writeFileReplacing } from '../reporters/atomic-write';
import { escapeMarkdownCell as cell, markdownCode as code } from '../reporters/escape';
import type { JudgeOutcome, MutantsMatrix } from './matrix';
import { PROXY_BLIND } from './proxy-blind';
import { FOUND_BY_FUZZ } from '../mock/faults';

export const MUTANTS_JSON_FILE = 'mutants.json';
export { MUTANTS_MARKDOWN_FILE };

const percent = (score: number) => `${(score * 100).toFixed(1)} %`;

/** One judge's cell: `killed (MUST)` or survived. */
const judged = (outcome: JudgeOutcome | undefined): string =>
  outcome?.killed ? `killed (${outcome.level})` : '**survived**';

export function renderMutantsMarkdown(matrix: MutantsMatrix): string {
  const lines = [
    '# Kill matrix',
    '',
    'The conformance suite against every deliberate fault of the mock (`src/mock/faults.ts`). A fault is',
    'killed when a failure catches it at its level (`src/mock/fault-levels.ts`): a MUST-level fault by a',
    'MUST failure, a SHOULD-level fault by any failure or warning.',
    '',
    `**Score: ${matrix.killed}/${matrix.total} (${percent(matrix.score)})**`,
    '',
  ];
  const explored = matrix.exploreKilled !== undefined;
  if (explored)
    lines.push(
      `\`flows-conformance explore\` alone, at its default budget (docs/explore.md): ` +
        `**${matrix.exploreKilled}/${matrix.total} (${percent((matrix.exploreKilled ?? 0) / Math.max(matrix.total, 1))})**`,
      '',
    );
  const fuzzed = matrix.fuzzKilled !== undefined;
  if (fuzzed)
    lines.push(
      `\`flows-conformance fuzz\` alone, at its default runs, at most a minute a fault (docs/fuzz.md): ` +
        `**${matrix.fuzzKilled}/${matrix.total} (${percent((matrix.fuzzKilled ?? 0) / Math.max(matrix.total, 1))})**`,
      '',
    );
  const proxied = matrix.proxyKilled !== undefined;
  if (proxied) {
    const blind = matrix.faults.filter((fault) => !fault.proxy?.killed);
    lines.push(
      `The proxy, on the official \`losant-rest\` client's ordinary traffic (docs/proxy.md): ` +
        `**${matrix.proxyKilled}/${matrix.total} (${percent((matrix.proxyKilled ?? 0) / Math.max(matrix.total, 1))})**`,
      '',
      ...(blind.length === 0
        ? []
        : [
            'What the proxy cannot see, and why:',
            '',
            ...blind.map(
              (fault) =>
                `- ${code(fault.fault)}: ${
                  PROXY_BLIND[fault.fault] === undefined
                    ? '**no reason known: a gap of the proxy**'
                    : cell(PROXY_BLIND[fault.fault] as string)
                }`,
            ),
            '',
          ]),
    );
  }
  lines.push(
    `Left out, found by \`flows-conformance fuzz\` instead (docs/fuzz.md): ${FOUND_BY_FUZZ.map(code).join(', ')}`,
    '',
  );
  if (matrix.survivingMust.length > 0)
    lines.push(`MUST-level faults surviving: ${matrix.survivingMust.map(code).join(', ')}`, '');
  if (matrix.silentChecks.length > 0)
    lines.push(`Checks no fault makes fire: ${matrix.silentChecks.map(code).join(', ')}`, '');
  lines.push(
    '## Faults',
    '',
    `| fault | level of its rule | caught at | killed |${explored ? ' explore |' : ''}${fuzzed ? ' fuzz |' : ''}${proxied ? ' proxy |' : ''} cases |`,
    `| --- | --- | --- | --- |${explored ? ' --- |' : ''}${fuzzed ? ' --- |' : ''}${proxied ? ' --- |' : ''} --- |`,
    ...matrix.faults.map(
      (fault) =>
        `| ${code(fault.fault)}: ${cell(fault.description)} | ${fault.expectedLevel} | ${fault.level ?? '—'} | ` +
        `${fault.killed ? 'killed' : '**survived**'} |` +
        (explored ? ` ${judged(fault.explore)} |` : '') +
        (fuzzed ? ` ${judged(fault.fuzz)} |` : '') +
        (proxied ? ` ${judged(fault.proxy)} |` : '') +
        ` ${fault.killedBy.map((id) => cell(id)).join('<br>')} |`,
    ),
    '',
    '## Cases',
    '',
    '| case | faults it kills |',
    '| --- | --- |',
    ...matrix.cases.map((row) => `| ${cell(row.id)} | ${row.kills.map(code).join(', ')} |`),
    '',
  );
  return lines.join('\n');
}

/** Writes mutants.json and mutants.md into `dir`; returns their paths. */
export async function writeMutantsReports(matrix: MutantsMatrix, dir: string): Promise<string[]> {
  const json = path.join(dir, MUTANTS_JSON_FILE);
  const markdown = path.join(dir, MUTANTS_MARKDOWN_FILE);
  await writeFileReplacing(json, `${JSON.stringify(matrix, null, 2)}\n`);
  await writeFileReplacing(markdown, renderMutantsMarkdown(matrix));
  return [json, markdown];
}
