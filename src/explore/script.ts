import type { Exchange } from '../checks/context';
import { toCurl } from '../http/curl';

/**
 * A failing sequence as a shell script a person can run: one curl command per step, in order, with the
 * status each step got. Tokens are shown as the scope of the credential (`Bearer <flows.get token>`):
 * replace each with a token of that kind.
 */
export function replayScript(baseUrl: string, exchanges: readonly Exchange[]): string {
  const lines = [
    '#!/bin/sh',
    '# flows-conformance explore: the shrunk sequence; replace each <... token> with such a token',
  ];
  exchanges.forEach((exchange, index) => {
    lines.push(
      `# step ${index + 1}: answered ${exchange.response.status}`,
      toCurl(baseUrl, exchange.request),
    );
  });
  return `${lines.join('\n')}\n`;
}
