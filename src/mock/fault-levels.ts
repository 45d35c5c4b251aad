import type { Level } from '../model/results';
import type { FaultName } from './faults';

/**
 * The level of the rule each fault breaks: MUST where the reference, an RFC or HTTP semantics requires
 * what the fault breaks, SHOULD where the fault breaks only a decision (named here) that a correct
 * server could read otherwise. A MUST-level fault that no MUST failure catches fails `npm run mutants`.
 * Typed by `Record<FaultName, Level>`: a fault added to faults.ts without a level does not compile.
 */
export const FAULT_LEVELS: Readonly<Record<FaultName, Level>> = {
  'ignore-scopes': 'MUST',
  'ignore-application-binding': 'MUST',
  'unauthorized-as-200': 'MUST',
  'expired-tokens-accepted': 'MUST',
  'no-www-authenticate': 'MUST', // RFC 6750 §3
  'sort-ignores-direction': 'MUST',
  'no-tie-break': 'SHOULD', // D5 sorting
  'paging-one-based': 'MUST', // page=0 (the reference's default) repeats page=1: a page walk repeats items
  'no-query-echo': 'MUST', // the collection carries its echo (flows-actions.md)
  'wrong-total-count': 'MUST',
  'glob-case-sensitive': 'SHOULD', // D6 filter globbing
  'no-flowclass-default': 'MUST', // flowClass defaults to cloud
  'trigger-filter-ignored': 'MUST',
  'custom-nodes-missing': 'SHOULD', // D9 includeCustomNodes: SHOULD throughout
  'version-filter-ignored': 'MUST',
  'post-returns-200': 'MUST',
  'post-id-as-number': 'MUST', // the Workflow schema
  'post-skips-validation': 'MUST', // the Workflow Post schema
  'import-partial': 'MUST', // a request refused with a 4xx changes nothing
  'import-no-id-maps': 'MUST', // the Import result schema
  'unknown-app-as-200': 'MUST', // the catalog's 404
  'error-body-as-text': 'MUST', // errors are Error bodies (error.json)
  'invalid-query-ignored': 'MUST', // an invalid query value is a 400
  'drops-description': 'MUST', // what is stored is what is read
  'wildcard-scopes-expanded': 'MUST', // the accepted scopes of each action
  'no-filter-echo': 'MUST', // the collection carries its echo
  'glob-question-as-star': 'SHOULD', // D6
  'trigger-filter-every-entry': 'SHOULD', // D8 triggerFilter
  'trigger-filter-needs-type': 'SHOULD', // D8
  'custom-nodes-all': 'SHOULD', // D9 includeCustomNodes
  'import-versions-to-first-flow': 'MUST', // what is stored is what is read
  'import-no-defaults': 'SHOULD', // D11, P4
  'import-keeps-read-only': 'SHOULD', // D11
  'trigger-filter-own-triggers': 'MUST', // triggerFilter filters by the default version's triggers
  'version-case-insensitive': 'SHOULD', // D12 Get by Version
  'post-stale-dates': 'SHOULD', // D10 Post result
  'import-default-version-unmapped': 'SHOULD', // P4
  'lenient-json': 'MUST', // RFC 8259: not JSON is a 400
  'foreign-application-reachable': 'MUST', // no token sees another user's data
  'revoked-tokens-accepted': 'MUST',
  'forbidden-names-application': 'MUST', // a refusal leaks nothing of what it refuses
  'custom-nodes-cross-application': 'MUST', // no token sees another application's data
  'custom-nodes-from-all-matches': 'SHOULD', // D9
  'custom-nodes-versions-empty': 'SHOULD', // D9, D12
  'custom-nodes-when-false': 'SHOULD', // D9: SHOULD throughout
  'ties-by-creation-order': 'SHOULD', // D5
  'post-400-still-stores': 'MUST', // a request refused with a 4xx changes nothing
  'duplicate-query-crashes': 'MUST', // a client's request never gets a 500
  'filter-ignored': 'MUST', // filter narrows the items (flows-actions.md)
  'filter-field-defaults-to-name': 'MUST', // filter without filterField filters nothing
  'query-names-case-insensitive': 'SHOULD', // P5
  'name-max-length-refused': 'MUST', // maxLength admits its own length (the Workflow Post schema)
  'trigger-filter-dot-crashes': 'MUST', // a client's request never gets a 500
  'deep-config-crashes': 'MUST', // a client's request never gets a 500
  'emoji-description-truncated': 'MUST', // what is stored is what is read
};
