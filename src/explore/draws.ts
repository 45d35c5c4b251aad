import fc from 'fast-check';
import { ACTIONS, type ActionId, type ActionSpec } from '../../specs/catalog';
import type { ApplicationTarget } from '../model/resource/access';

/** A query parameter as drawn: a name (maybe in another case) and a value; `PREFIX` is the sequence's prefix. */
export type QueryPart = readonly [string, string];

export interface TriggerSpec {
  readonly type: string;
  readonly key?: string;
}

export interface PostSpec {
  readonly kind: 'post';
  readonly name: string;
  /** Pad the name to the schema's maxLength (a boundary). */
  readonly longName: boolean;
  readonly description?: string;
  readonly flowClass?: string;
  readonly triggers: readonly TriggerSpec[];
  /** Indexes into the run's custom-node flows: nodes referencing them by config.flowId. */
  readonly refs: readonly number[];
  readonly flaw?: 'unknown-key' | 'empty-name' | 'deep-config';
}

export interface VersionSpec {
  readonly id: string;
  readonly flow: number;
  readonly version: string;
  readonly triggers: readonly TriggerSpec[];
  readonly refs: readonly number[];
}

export interface ImportSpec {
  readonly kind: 'import';
  readonly flows: readonly {
    readonly id: string;
    readonly name: string;
    readonly flowClass?: string;
    readonly triggers: readonly TriggerSpec[];
    readonly defaultVersion?: number;
    readonly readOnly: boolean;
  }[];
  readonly versions: readonly VersionSpec[];
  readonly flaw?: 'dangling-version' | 'empty-name';
}

export type BodySpec = PostSpec | ImportSpec | { readonly kind: 'not-json'; readonly name: string };

/** A glob made from a name of the sequence, to probe decision 6's case-insensitivity and `?`. */
export interface NameGlob {
  readonly name: number;
  readonly form: 'swap-case' | 'question-tail';
}

/** One request of a sequence, as data: printable, shrinkable, made concrete only when it runs. */
export interface StepSpec {
  readonly action: ActionId;
  readonly credential: number;
  readonly application: ApplicationTarget;
  readonly query: readonly QueryPart[];
  /**
   * A glob after the sequence's prefix: `filterField=name&filter=PREFIX<glob>`, so the model knows every
   * match; or one of the sequence's names (by index), its case swapped or its last character made `??`.
   */
  readonly anchored?: string | NameGlob;
  /** With `anchored`: the filter alone, without filterField (which then filters nothing). */
  readonly filterOnly?: boolean;
  readonly body?: BodySpec;
}

export const PREFIX = '\u0000PREFIX\u0000';

const ASCII_PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
/** Few letters in both cases, every ASCII punctuation character, a few beyond ASCII: ties and case folds happen. */
const NAME_CHARACTERS = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'A', 'b', 'B', 'é', 'É', 'ß', ' ', '😀') },
  { weight: 2, arbitrary: fc.constantFrom(...ASCII_PUNCTUATION) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);
const nameText = fc.array(NAME_CHARACTERS, { maxLength: 4 }).map((chars) => chars.join(''));
const globText = fc
  .array(fc.oneof({ weight: 2, arbitrary: NAME_CHARACTERS }, fc.constantFrom('*', '?')), { maxLength: 4 })
  .map((chars) => chars.join(''));

const FLOW_CLASSES = ['cloud', 'edge', 'customNode', 'experience'];
/** Mostly the default class (cloud), which a Get without flowClass lists. */
const flowClass = fc.oneof(
  { weight: 3, arbitrary: fc.constant('cloud') },
  { weight: 2, arbitrary: fc.constant('customNode') },
  fc.constantFrom(...FLOW_CLASSES),
);
const trigger: fc.Arbitrary<TriggerSpec> = fc.record(
  { type: fc.constantFrom('webhook', 'timer'), key: fc.constantFrom('k', 'K', 'a.b') },
  { requiredKeys: ['type'] },
);
const triggers = fc.array(trigger, { maxLength: 2 });
/** A triggerFilter entry: type and key each optional (schemas.md, Workflow Trigger Filter). */
const filterEntry: fc.Arbitrary<Partial<TriggerSpec>> = fc.oneof(
  { weight: 3, arbitrary: trigger },
  fc.record({ key: fc.constantFrom('k', 'K', 'a.b') }),
);
const refs = fc.array(fc.nat(7), { maxLength: 2 });
const hexId = fc.stringMatching(/^[0-9a-f]{24}$/);
const VERSIONS = ['v1', 'V1', 'v2'];

const postBody: fc.Arbitrary<PostSpec> = fc.record(
  {
    kind: fc.constant('post' as const),
    name: nameText,
    longName: fc.oneof(
      { weight: 5, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    description: fc.string({ unit: 'grapheme', maxLength: 6 }),
    flowClass,
    triggers,
    refs,
    flaw: fc.option(fc.constantFrom('unknown-key' as const, 'empty-name' as const, 'deep-config' as const), {
      freq: 4,
      nil: undefined,
    }),
  },
  { requiredKeys: ['kind', 'name', 'longName', 'triggers', 'refs'] },
);

const importBody: fc.Arbitrary<ImportSpec> = fc.record(
  {
    kind: fc.constant('import' as const),
    flows: fc.uniqueArray(
      fc.record(
        {
          id: hexId,
          name: nameText,
          flowClass,
          triggers,
          defaultVersion: fc.nat(2),
          readOnly: fc.boolean(),
        },
        { requiredKeys: ['id', 'name', 'triggers', 'readOnly'] },
      ),
      { minLength: 1, maxLength: 3, selector: (flow) => flow.id },
    ),
    versions: fc.uniqueArray(
      fc.record({ id: hexId, flow: fc.nat(2), version: fc.constantFrom(...VERSIONS), triggers, refs }),
      { minLength: 1, maxLength: 3, selector: (version) => version.id },
    ),
    flaw: fc.option(fc.constantFrom('dangling-version' as const, 'empty-name' as const), {
      freq: 4,
      nil: undefined,
    }),
  },
  { requiredKeys: ['kind', 'flows', 'versions'] },
);

/** Each parameter's accepted values, then values outside them (decision 3, P5: case-sensitive values). */
const VALUES: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
  sortField: [
    ['name', 'id', 'creationDate', 'lastUpdated'],
    ['bogus', 'NAME'],
  ],
  sortDirection: [['asc', 'desc'], ['up']],
  page: [
    ['0', '1', '2', '5'],
    ['-1', 'x'],
  ],
  perPage: [
    ['1', '2', '3', '1000'],
    ['1001', '0'],
  ],
  filterField: [['name'], ['Name']],
  filter: [[], []],
  flowClass: [FLOW_CLASSES, ['Cloud']],
  includeCustomNodes: [['true', 'false'], ['TRUE']],
  version: [VERSIONS, []],
};

const valueOf = (name: string, noisy: boolean): fc.Arbitrary<string> => {
  if (name === 'filter')
    return fc.oneof(
      globText,
      globText.map((glob) => `${PREFIX}${glob}`),
    );
  const [accepted, refused] = VALUES[name] ?? [[], []];
  const valid = accepted.length > 0 ? fc.constantFrom(...accepted) : fc.string({ maxLength: 3 });
  return noisy && refused.length > 0
    ? fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(...refused) })
    : valid;
};

/**
 * `version` is required by Get by Version: mostly given, so that its answers hold versions; the order,
 * the page and customNodes are what most answers differ in, so they are given more often than the rest.
 */
const ABSENT_WEIGHT: Readonly<Record<string, number>> = {
  version: 1,
  sortDirection: 6,
  perPage: 6,
  sortField: 6,
  includeCustomNodes: 6,
};

function parameterParts(name: string, noisy: boolean): fc.Arbitrary<QueryPart[]> {
  if (name === 'triggerFilter')
    return fc
      .array(filterEntry, { maxLength: 2 })
      .map((entries) =>
        entries.flatMap((entry, index): QueryPart[] => [
          ...(entry.type === undefined ? [] : [[`triggerFilter[${index}][type]`, entry.type] as QueryPart]),
          ...(entry.key === undefined ? [] : [[`triggerFilter[${index}][key]`, entry.key] as QueryPart]),
        ]),
      );
  const value = valueOf(name, noisy);
  const given = value.map((v): QueryPart[] => [[name, v]]);
  const absent = { weight: ABSENT_WEIGHT[name] ?? 12, arbitrary: fc.constant([] as QueryPart[]) };
  if (!noisy) return fc.oneof(absent, { weight: 8, arbitrary: given });
  return fc.oneof(
    absent,
    { weight: 8, arbitrary: given },
    { weight: 1, arbitrary: fc.constant([[name, '']] as QueryPart[]) },
    {
      weight: 1,
      arbitrary: fc.tuple(value, value).map(([a, b]): QueryPart[] => [
        [name, a],
        [name, b],
      ]),
    },
    { weight: 1, arbitrary: value.map((v): QueryPart[] => [[name.toUpperCase(), v]]) },
  );
}

/**
 * Every parameter the catalog lists for the action, each drawn independently: mostly accepted values
 * only (so that pages are served and judged), else also refused, blank, repeated or differently cased ones.
 */
const queryOf = (action: ActionSpec): fc.Arbitrary<QueryPart[]> =>
  fc
    .oneof({ weight: 3, arbitrary: fc.constant(false) }, fc.constant(true))
    .chain((noisy) =>
      fc
        .tuple(...action.query.map((parameter) => parameterParts(parameter.name, noisy)))
        .map((parts) => parts.flat()),
    );

const credential = fc.oneof(
  { weight: 6, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(1) },
  { weight: 3, arbitrary: fc.nat(20) },
);
const application: fc.Arbitrary<ApplicationTarget> = fc.oneof(
  { weight: 16, arbitrary: fc.constant('own' as const) },
  { weight: 4, arbitrary: fc.constant('other' as const) },
  { weight: 1, arbitrary: fc.constantFrom('foreign' as const, 'unknown' as const, 'malformed' as const) },
);
/** Mostly every flow of the sequence (`PREFIX*`), so that pages, orders and totals have data to show. */
const anchored = fc.oneof(
  { weight: 6, arbitrary: fc.constant('*') },
  { weight: 3, arbitrary: globText },
  {
    weight: 2,
    arbitrary: fc.record({
      name: fc.nat(7),
      form: fc.constantFrom('swap-case' as const, 'question-tail' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const filterOnly = fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true));

/**
 * How often each action is drawn, writes to have data, reads to judge it, in the order of the draws (which
 * a seed replays); any other action of the catalog comes after them, weight 3.
 */
const STEP_WEIGHTS: readonly (readonly [ActionId, number])[] = [
  ['flows.post', 4],
  ['flows.import', 2],
  ['flows.get', 5],
  ['flows.getByVersion', 3],
];
const drawRank = (action: ActionSpec): number => {
  const rank = STEP_WEIGHTS.findIndex(([id]) => id === action.id);
  return rank < 0 ? STEP_WEIGHTS.length : rank;
};

/** The bodies of a create action, by the schema of its body. */
const CREATE_BODIES: Readonly<Record<string, fc.Arbitrary<BodySpec>>> = {
  workflowPost: fc.oneof(
    { weight: 12, arbitrary: postBody },
    { weight: 1, arbitrary: nameText.map((name) => ({ kind: 'not-json' as const, name })) },
  ),
  workflowImport: importBody,
};

/** A step of one action, chosen by its kind (and a create's body); undefined when explore has none. */
function stepOf(action: ActionSpec): fc.Arbitrary<StepSpec> | undefined {
  const common = { action: fc.constant(action.id), credential, application, query: queryOf(action) };
  if (action.kind === 'collectionRead') return fc.record({ ...common, anchored, filterOnly });
  const body = action.kind === 'create' && action.requestBody && CREATE_BODIES[action.requestBody.schema];
  return body ? fc.record({ ...common, body }) : undefined;
}

/**
 * A step of each action of the catalog, in the proportions a sequence needs. An action explore cannot
 * draw is an error, never silently left unexplored.
 */
export function stepSpecOf(actions: readonly ActionSpec[] = ACTIONS): fc.Arbitrary<StepSpec> {
  return fc.oneof(
    ...[...actions]
      .sort((a, b) => drawRank(a) - drawRank(b))
      .map((action) => {
        const arbitrary = stepOf(action);
        if (!arbitrary)
          throw new Error(
            `explore has no steps for ${action.id} (kind ${action.kind}): add them in src/explore/draws.ts`,
          );
        return { weight: STEP_WEIGHTS[drawRank(action)]?.[1] ?? 3, arbitrary };
      }),
  );
}

export const stepSpec: fc.Arbitrary<StepSpec> = stepSpecOf();
