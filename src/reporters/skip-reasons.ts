import type { CaseResult } from '../engine/results';
import { messageShape } from './failure-groups';

/**
 * Why cases were skipped, counted by reason, for the closing lines: `49 skipped: 32 no application of
 * another user given (--foreign-application-id), 10 …`. A reason is a chain of clauses (`needs data whose
 * set-up did not succeed: …: no second application given (--other-application-id)`); it is counted under
 * the clause that names the flag to give, else under its first clause, with what varies masked.
 */
export function skipReasonsLine(results: readonly CaseResult[]): string | undefined {
  const counts = new Map<string, number>();
  for (const result of results)
    if (result.outcome === 'skipped') {
      const reason = reasonLabel(result.skipReason ?? 'no reason given');
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
  if (counts.size === 0) return undefined;
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const parts = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return `${total} skipped: ${parts.map(([reason, count]) => `${count} ${reason}`).join('; ')}`;
}

function reasonLabel(reason: string): string {
  const clauses = reason.split('\n')[0].split(': ');
  return messageShape(clauses.find((clause) => /(?:^|\s|\()--[a-z]/.test(clause)) ?? clauses[0]);
}
