import type { ActionId, DecisionKey } from '../../specs/catalog';
import type { RuleCode } from './rules';

/*
 * The types the checks and the engine share (README "Layers"): a check returns Failures, a case has an
 * identity and a level. Below both, so that neither imports the other for them.
 */

/** What a case checks; reports group by action × aspect. */
/**
 * `setup`: the suite's own data was made (a gap skips only the cases that need it). `traffic`: one
 * exchange of real traffic, judged by `flows-conformance proxy`. `fuzz`: a property of
 * `flows-conformance fuzz` over generated inputs (one case per action and property).
 */
export type Aspect = 'setup' | 'auth' | 'query' | 'status' | 'schema' | 'body' | 'traffic' | 'fuzz';

/** MUST: straight from the reference. SHOULD: rests on a decision, a warning unless --strict. */
export type Level = 'MUST' | 'SHOULD';

/**
 * One failed expectation, as a check returns it (checks are pure functions; see src/checks): data, not
 * a formatted text. Reporters format it (src/reporters/report-views.ts `failureText`).
 */
export interface Failure {
  readonly check: string;
  /** The broken rule's code in the one registry (src/model/rules.ts); reports group by it and `pointer`. */
  readonly rule?: RuleCode;
  /** RFC 6901 pointer into the answer's body where the rule broke (`""`: the status, a header, the body). */
  readonly pointer?: string;
  readonly caseId: string;
  readonly level: Level;
  /** What went wrong, in one line. */
  readonly message: string;
  /** The rule: where the broken rule is stated (`flows-actions.md#get-query-params`, a decision, an RFC). */
  readonly location: string;
  /** What the rule wanted. */
  readonly expected?: string;
  /** What came back: status, content type and an excerpt of the body (secrets redacted). */
  readonly actual?: string;
  /** The request that reproduces it, as curl (token redacted). */
  readonly request?: string;
  /**
   * The values of the answer that broke the rule, each at its JSON pointer into the body (`/totalCount`),
   * beside the value the rule wanted when it names one.
   */
  readonly mismatches?: readonly Mismatch[];
  /** fuzz: the shrunk input that broke the rule, as JSON (cut to a readable length). */
  readonly input?: string;
  /** fuzz: the flags that replay exactly that input: `--seed 42 --path 3:0:1 --grep '^…$'`. */
  readonly replay?: string;
}

/** One value of an answer that broke a rule. */
export interface Mismatch {
  /** RFC 6901 pointer into the answer's body; `""` is the whole body. */
  readonly pointer: string;
  readonly actual: unknown;
  readonly expected?: unknown;
}

/** What names a case, in its table and in its result. */
export interface CaseIdentity {
  /** Stable, short, unique fact: `GET flows: sortDirection=desc reverses the order`. */
  readonly id: string;
  /**
   * Short and stable: derived from what the case sends and checks, never from its sentence, so that
   * rewording the sentence keeps it (`get-query-3f2a9c`, src/model/case-key.ts). Every conformance case
   * and fuzz property has one; an exchange `proxy` judged has none (its id names it).
   */
  readonly key?: string;
  readonly action: ActionId;
  readonly aspect: Aspect;
  /** MUST: from the reference. SHOULD: rests on `decision` only. A check may lower its own level. */
  readonly level: Level;
  /** Set when level is SHOULD. */
  readonly decision?: DecisionKey;
  /** Rows of the reference this case covers (specs/catalog/coverage.ts), for the coverage table. */
  readonly covers: readonly string[];
}
