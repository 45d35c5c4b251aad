import type { RuleCode } from '../model/rules';
import type { ActionSpec, DecisionKey } from '../../specs/catalog';
import { decisionLocation, type CheckContext, type Exchange } from '../checks/context';
import { noDataFacts } from '../model/data-facts';
import type { Failure, Level } from '../model/results';
import { excerpt, toCurl } from '../http/curl';

/**
 * Real traffic has no data set of the suite's own: the checks that compare against one are given none,
 * and the proxy only runs those that judge an exchange by itself.
 */
const NO_DATA = noDataFacts({ state: 'unavailable', reason: 'real traffic' });

/** One exchange as a case of its own, for the named checks of src/checks. */
export function exchangeContext(
  id: string,
  action: ActionSpec,
  applicationId: string,
  exchange: Exchange,
  baseUrl: string,
): CheckContext {
  return {
    testCase: { id, action: action.id, aspect: 'traffic', level: 'MUST', covers: [], checks: [] },
    exchanges: [exchange],
    baseUrl,
    data: NO_DATA,
    expand: (text) => (text === '{application}' ? applicationId : text),
  };
}

/** What a rule of the proxy's own names: its check, its level and, for a SHOULD, the decision it rests on. */
export interface ProxyRule {
  /** The rule's code in the one registry (src/model/rules.ts), as `run`, `fuzz` and `explore` name it. */
  readonly check: RuleCode;
  readonly level: Level;
  readonly decision?: DecisionKey;
}

/** A failure of one of the proxy's own rules, shaped and reproducible as those of src/checks. */
export function ruleFailure(
  context: CheckContext,
  rule: ProxyRule,
  problem: string,
  expected: string,
  location: string,
): Failure {
  const exchange = context.exchanges[0];
  const type = exchange.response.headers['content-type'] ?? 'no content-type';
  return {
    check: rule.check,
    rule: rule.check,
    caseId: context.testCase.id,
    level: rule.level,
    message: problem,
    location: rule.decision ? decisionLocation(rule.decision) : location,
    expected,
    request: toCurl(context.baseUrl, exchange.request),
    actual: `${exchange.response.status} (${type}) ${excerpt(exchange.response.bodyText)}`,
  };
}
