import type { FaultName } from '../mock';

/**
 * The faults the official client's ordinary traffic through the proxy cannot show, and why: the
 * `proxy` column of the kill matrix leaves each of them alive, and says so. Every other fault must be
 * killed (test/mutants/proxy-column.test.ts).
 */
export const PROXY_BLIND: Readonly<Partial<Record<FaultName, string>>> = {
  'import-partial':
    'the flows a refused Import still made have fresh ids the answer never named: a later page shows flows the shadow cannot tell from flows made outside its view',
  'post-400-still-stores':
    'the flow a refused Post still stored has an id no answer named: a later page shows a flow the shadow cannot tell from one made outside its view',
  'unknown-app-as-200':
    'whether an application exists is not in the traffic of the four actions: an empty page of an application nobody wrote to is a correct answer for an existing one',
  'foreign-application-reachable':
    'which user owns an application is not in the traffic: a user token served for an application may be its owner’s',
  'lenient-json': 'the official client always sends well-formed JSON: the broken body is never sent',
  'duplicate-query-crashes': 'the official client never sends a query parameter twice',
  'query-names-case-insensitive': 'the official client spells every query parameter as the reference does',
};
