import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_CASES } from '../../specs/cases';
import { ACTIONS, caseLabel } from '../../specs/catalog';
import { levelOf } from '../../src/checks';
import type { ConformanceCase } from '../../src/engine/case';
import { ALL_PACT_CASES } from '../../src/pact/interactions';
import { PACKAGE_ROOT } from '../../src/paths';

/** The counts the docs state, held to the suite's real ones, so that they cannot drift. */

type CountTable = Record<string, Record<string, number>>;

const readDoc = (file: string): string => readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');

/** Cases per action label (`GET flows`) and aspect, with a `total` column. */
function caseCounts(cases: readonly ConformanceCase[]): CountTable {
  const table: CountTable = {};
  for (const action of ACTIONS) {
    const own = cases.filter((testCase) => testCase.action === action.id);
    const row: Record<string, number> = { total: own.length };
    for (const testCase of own) row[testCase.aspect] = (row[testCase.aspect] ?? 0) + 1;
    table[caseLabel(action)] = row;
  }
  return table;
}

/** The Markdown table whose header starts `| action |`: row label to column to number (`–` is 0, left out). */
function docCountTable(markdown: string): CountTable {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^\|\s*action\s*\|/.test(line));
  if (start < 0) throw new Error('no table with an "action" column');
  const cells = (line: string) =>
    line
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
  const [, ...columns] = cells(lines[start]);
  const table: CountTable = {};
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [label, ...values] = cells(line);
    table[label] = Object.fromEntries(
      columns.flatMap((column, index) => (values[index] === '–' ? [] : [[column, Number(values[index])]])),
    );
  }
  return table;
}

/** `323 cases, 1112 checks (964 MUST, 148 SHOULD)` */
function docCaseTotals(markdown: string): { cases: number; checks: number; must: number; should: number } {
  const match = /(\d+) cases, (\d+) checks \((\d+) MUST, (\d+) SHOULD\)/.exec(markdown);
  if (!match) throw new Error('no "N cases, C checks (M MUST, S SHOULD)" line');
  const [, cases, checks, must, should] = match.map(Number);
  return { cases, checks, must, should };
}

const ALL_CHECKS = ALL_CASES.flatMap((testCase) => testCase.checks);
const levelCount = (level: string) => ALL_CHECKS.filter((ref) => levelOf(ref) === level).length;

/** `That is 20 interactions for Get, 20 for Get by Version, 5 for Import and 6 for Post (51 in all).` */
function docInteractionCounts(markdown: string): Record<string, number> {
  const match =
    /That is (\d+) interactions for Get, (\d+) for Get by Version, (\d+) for Import and (\d+) for Post \((\d+) in all\)/.exec(
      markdown,
    );
  if (!match) throw new Error('no "That is N interactions for Get, ..." line');
  const [, get, getByVersion, importCount, post, all] = match.map(Number);
  return {
    'flows.get': get,
    'flows.getByVersion': getByVersion,
    'flows.import': importCount,
    'flows.post': post,
    all,
  };
}

function interactionCounts(): Record<string, number> {
  const counts: Record<string, number> = { all: ALL_PACT_CASES.length };
  for (const pactCase of ALL_PACT_CASES) counts[pactCase.action.id] = (counts[pactCase.action.id] ?? 0) + 1;
  return counts;
}

describe('docs: the counts they state are the real ones', () => {
  const conformance = readDoc('docs/conformance.md');

  it('docs/conformance.md: the cases per action and aspect', () => {
    expect(docCountTable(conformance)).to.deep.equal(caseCounts(ALL_CASES));
  });

  it('docs/conformance.md: the number of cases and of checks, MUST and SHOULD', () => {
    expect(docCaseTotals(conformance)).to.deep.equal({
      cases: ALL_CASES.length,
      checks: ALL_CHECKS.length,
      must: levelCount('MUST'),
      should: levelCount('SHOULD'),
    });
  });

  it('docs/pacts.md: the interactions per action and in all', () => {
    expect(docInteractionCounts(readDoc('docs/pacts.md'))).to.deep.equal(interactionCounts());
  });

  it('a count that drifted is caught, in its cell', () => {
    const withOneCaseMore = conformance.replace(
      /^(\| GET flows +\|(?:[^|]*\|){6}) *(\d+) *\|$/m,
      (_, cellsBefore: string, total: string) => `${cellsBefore} ${Number(total) + 1} |`,
    );
    const real = caseCounts(ALL_CASES);
    expect(docCountTable(withOneCaseMore)['GET flows']).to.deep.equal({
      ...real['GET flows'],
      total: real['GET flows'].total + 1,
    });
    expect(docCaseTotals('256 cases, 900 checks (800 MUST, 100 SHOULD)').must).to.not.equal(
      levelCount('MUST'),
    );
  });
});
