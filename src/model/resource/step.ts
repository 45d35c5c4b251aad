import type { ActionSpec } from '../../../specs/catalog';
import { isRecord } from '../json';
import {
  accessRefusals,
  combinedRefusal,
  type ApplicationTarget,
  type Principal,
  type Refusal,
} from './access';
import { basics, schemaDifferences, type Answer } from './answer';
import { expectedPage, OTHER_SELECTION_READINGS, type SelectionReading } from './collection';
import { importProblem, type ImportBundle } from './import-bundle';
import { judgePage, type PageView } from './page-judge';
import { postProblem } from './post-body';
import { readQuery } from './query-reading';
import { judgeRefusal } from './refusal';
import { withCreated, type ModelFlow, type ModelState, type ModelVersion } from './state';
import { capped, difference, type Difference } from './verdict';
import { judgeImport, judgePost } from './writes';
import type { Level } from '../results';

/** A request as the model reads it: who, to which application, the query text as sent, the body. */
export interface ModelRequest {
  readonly action: ActionSpec;
  readonly principal: Principal;
  readonly target: ApplicationTarget;
  /** The id the request names, as sent. */
  readonly applicationId: string;
  readonly queryText: string;
  /** The parsed body; `{ notJson: true }` for a body that is not JSON; undefined for none. */
  readonly body?: unknown;
  readonly bodyIsJson: boolean;
  /** The query can match only the run's own data (its filter is anchored at the run's prefix). */
  readonly exact: boolean;
}

export interface StepVerdict {
  readonly differences: readonly Difference[];
  readonly state: ModelState;
}

const RFC_8259 = 'RFC 8259; docs/decisions.md P2 (a body that is not JSON is a 400)';

/** Decision 10 and 11: why the body is refused (MUST), if it is. */
function bodyProblem(request: ModelRequest): string | undefined {
  if (request.action.kind === 'collectionRead') return undefined;
  if (!request.bodyIsJson) return 'the body is not JSON';
  if (request.action.id === 'flows.import') return importProblem(request.body);
  return postProblem(request.body);
}

const badRequest = (reason: string, location: string): Refusal => ({
  kind: 'request',
  must: [400],
  should: 400,
  location,
  reason,
});

/** The refusal a request implies, if any (access first, then query, then body), and whether a served answer is open. */
function refusalOf(request: ModelRequest, queryLevel: Level | undefined, queryReason: string) {
  const refusals = accessRefusals(request.action, request.principal, request.target);
  const problem = bodyProblem(request);
  const tail: Refusal[] = [];
  if (queryLevel === 'MUST') tail.push(badRequest(queryReason, 'docs/reference-decisions.md decision 3'));
  if (problem !== undefined)
    tail.push(
      badRequest(problem, request.bodyIsJson ? 'docs/reference-decisions.md decisions 10, 11' : RFC_8259),
    );
  if (refusals.length > 0) {
    const combined = combinedRefusal([...refusals, ...tail]) as Refusal;
    return { ...combined, should: refusals[0].should };
  }
  return tail[0];
}

const othersOf = (state: ModelState, target: ApplicationTarget): Set<string> =>
  new Set(
    (['own', 'other'] as const)
      .filter((key) => key !== target)
      .flatMap((key) => [...state[key].flows.keys(), ...state[key].versions.keys()]),
  );

/** Judges one answer against the model, and returns the state after it (the server's 201s taken in). */
export function judgeStep(
  state: ModelState,
  request: ModelRequest,
  answer: Answer,
  now: number,
): StepVerdict {
  const unchanged = (differences: Difference[]): StepVerdict => ({ differences, state });
  const base = basics(answer);
  if (base.length > 0) return unchanged(base);
  const reading = readQuery(request.action, request.queryText);
  const refusal = refusalOf(
    request,
    reading.kind === 'refused' ? reading.level : undefined,
    reading.kind === 'refused' ? reading.reason : '',
  );
  const elsewhere = othersOf(state, request.target);
  if (refusal) {
    const secrets = refusal.should === 403 && request.target !== 'malformed' ? [request.applicationId] : [];
    return unchanged(judgeRefusal(refusal, answer, secrets));
  }
  if (reading.kind === 'refused') {
    // A decision's 400 (SHOULD): a server may serve the request instead; what it serves is then open.
    if (answer.status === 400) return unchanged(schemaDifferences('error', answer.body));
    const found = [
      difference('status', 'SHOULD', '', `answered ${answer.status}: ${reading.reason}`, reading.location),
    ];
    return request.action.kind === 'collectionRead'
      ? unchanged(found)
      : taken(state, request, answer, now, found, false);
  }
  const key = request.target as 'own' | 'other';
  if (request.action.kind === 'collectionRead') {
    const response = request.action.responses.find((candidate) => candidate.status === 200);
    if (answer.status !== 200)
      return unchanged([
        difference(
          'status',
          capped('MUST', reading.cap),
          '',
          `answered ${answer.status}, 200 expected`,
          `flows-actions.md (${request.action.name})`,
        ),
      ]);
    const schema = schemaDifferences(response?.schema as 'workflows', answer.body);
    if (schema.length > 0) return unchanged(schema);
    return unchanged(
      judgeCollection(state, key, request.action, reading, request.applicationId, answer.body, {
        exact: request.exact,
        elsewhere,
      }),
    );
  }
  const written = taken(state, request, answer, now, [], reading.values.get('includeCustomNodes') === true);
  return reading.cap === 'MUST'
    ? written
    : { ...written, differences: written.differences.map((item) => ({ ...item, level: 'SHOULD' as const })) };
}

/**
 * A served page of Get or Get by Version against the model's state in `key`. A page that another
 * reading of decisions 6, 8 and 12's finer points explains breaks only a SHOULD.
 */
export function judgeCollection(
  state: ModelState,
  key: 'own' | 'other',
  action: ActionSpec,
  reading: Extract<ReturnType<typeof readQuery>, { kind: 'read' }>,
  applicationId: string,
  body: unknown,
  view: Omit<PageView, 'cap'>,
): Difference[] {
  const application = state[key];
  const known = new Map<string, ModelFlow | ModelVersion>([...application.flows, ...application.versions]);
  const nameOf = (item: ModelFlow | ModelVersion) =>
    'flowId' in item ? (application.flows.get(item.flowId)?.name ?? '') : item.name;
  const judged = (selection: SelectionReading) =>
    judgePage(
      expectedPage(state, key, action, reading, applicationId, selection),
      body,
      { ...view, cap: reading.cap },
      known,
      nameOf,
    );
  const found = judged({});
  const explained =
    found.some((item) => item.level === 'MUST') &&
    OTHER_SELECTION_READINGS.some((selection) => !judged(selection).some((item) => item.level === 'MUST'));
  return explained
    ? found.map((item) => ({
        ...item,
        level: 'SHOULD' as const,
        location: `${item.location}; docs/reference-decisions.md decisions 6, 8, 12`,
      }))
    : found;
}

/** A write the model accepts: judged, and what the server created taken into the state. */
function taken(
  state: ModelState,
  request: ModelRequest,
  answer: Answer,
  now: number,
  already: Difference[],
  includeCustomNodes: boolean,
): StepVerdict {
  const key = request.target as 'own' | 'other';
  if (request.action.id === 'flows.import') {
    const bundle = request.body as Partial<ImportBundle>;
    const judged = judgeImport(
      { flows: bundle.flows ?? [], flowVersions: bundle.flowVersions ?? [] },
      answer,
      { now },
    );
    return {
      differences: [...already, ...judged.differences],
      state: withCreated(state, key, judged.flows, judged.versions),
    };
  }
  const sent = isRecord(request.body) ? request.body : {};
  const judged = judgePost(sent, includeCustomNodes, answer, {
    applicationId: request.applicationId,
    now,
    application: state[key],
    elsewhere: othersOf(state, request.target),
  });
  return {
    differences: [...already, ...judged.differences],
    state: judged.created ? withCreated(state, key, [judged.created]) : state,
  };
}
