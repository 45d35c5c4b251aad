import { CREATED_WORKFLOW_DEFAULTS, IMPORT_READ_ONLY_KEYS } from '../../../specs/catalog';
import { isRecord } from '../json';
import {
  customNodeIds,
  customNodeLeak,
  defaultsFilled,
  instant,
  keptAsSent,
  pointerTo,
  sameId,
  schemaDifferences,
  type Answer,
} from './answer';
import { customNodesOf } from './collection';
import { givenId, type ImportBundle } from './import-bundle';
import type { ModelApplication, ModelFlow, ModelVersion } from './state';
import { difference, type Difference } from './verdict';

const D10 = 'docs/reference-decisions.md decision 10';
const D11 = 'docs/reference-decisions.md decision 11';
/** How far from the request a fresh instant may be (clocks differ; a date of 2016 is not now). */
const NOW_SLACK_MS = 10 * 60_000;
const { stats: _stats, ...IMPORT_DEFAULTS } = CREATED_WORKFLOW_DEFAULTS;

function createdStatus(answer: Answer, action: string): Difference[] {
  return answer.status === 201
    ? []
    : [
        difference(
          'status',
          'MUST',
          '',
          `answered ${answer.status}, 201 expected`,
          `flows-actions.md (${action})`,
        ),
      ];
}

function freshInstants(
  doc: Record<string, unknown>,
  at: string,
  now: number,
  location: string,
): Difference[] {
  const [created, updated] = [instant(doc.creationDate), instant(doc.lastUpdated)];
  if (Math.abs(created - now) <= NOW_SLACK_MS && created === updated) return [];
  return [
    difference(
      'freshInstants',
      'SHOULD',
      `${at}/creationDate`,
      `creationDate ${String(doc.creationDate)}, lastUpdated ${String(doc.lastUpdated)}`,
      location,
    ),
  ];
}

const flowOf = (
  sent: Record<string, unknown>,
  doc: Record<string, unknown>,
  id: string,
  defaultVersionId?: unknown,
): ModelFlow => ({
  id: id.toLowerCase(),
  sent,
  name: String(sent.name),
  flowClass: typeof sent.flowClass === 'string' ? sent.flowClass : 'cloud',
  creationDate: instant(doc.creationDate),
  lastUpdated: instant(doc.lastUpdated),
  ...(typeof defaultVersionId === 'string' && { defaultVersionId: defaultVersionId.toLowerCase() }),
});

/** Decision 10 and P3: a Post of a valid body. The flow the model keeps comes from the answer. */
export function judgePost(
  sent: Record<string, unknown>,
  includeCustomNodes: boolean,
  answer: Answer,
  context: {
    readonly applicationId: string;
    readonly now: number;
    readonly application: ModelApplication;
    /** Ids of the run's flows in other applications: never in the answer (MUST). */
    readonly elsewhere: ReadonlySet<string>;
  },
): { differences: Difference[]; created?: ModelFlow } {
  const found = createdStatus(answer, 'Post');
  const body = answer.body;
  if (answer.status >= 300 || !isRecord(body)) return { differences: found };
  found.push(...schemaDifferences('workflow', body), ...keptAsSent(sent, body, '', 'MUST'));
  found.push(...defaultsFilled(sent, body, CREATED_WORKFLOW_DEFAULTS, '', D10));
  if (!sameId(body.id, body.flowId) || !sameId(body.applicationId, context.applicationId))
    found.push(
      difference(
        'createdIdentity',
        'SHOULD',
        '/flowId',
        'flowId or applicationId is not the new flow’s',
        D10,
      ),
    );
  found.push(...freshInstants(body, '', context.now, D10));
  const created = typeof body.id === 'string' ? flowOf(sent, body, body.id) : undefined;
  if (created) {
    const wanted = includeCustomNodes ? customNodesOf(context.application, [created]) : undefined;
    const listed = customNodeIds(body);
    found.push(...customNodeLeak(listed, context.elsewhere));
    const same =
      wanted === undefined
        ? listed === undefined
        : listed !== undefined && listed.length === wanted.size && listed.every((id) => wanted.has(id));
    if (!same)
      found.push(
        difference(
          'customNodes',
          'SHOULD',
          '/customNodes',
          `customNodes ${JSON.stringify(listed)}`,
          'docs/decisions.md P3',
        ),
      );
  }
  return { differences: found, created };
}

const READ_ONLY = ['id', 'defaultVersionId', ...IMPORT_READ_ONLY_KEYS];

/** Decisions 11 and 14, P4: an Import of a valid bundle whose items all give ids. */
export function judgeImport(
  bundle: ImportBundle,
  answer: Answer,
  context: { readonly now: number },
): { differences: Difference[]; flows: ModelFlow[]; versions: ModelVersion[] } {
  const found = createdStatus(answer, 'Import');
  const body = answer.body;
  if (answer.status >= 300 || !isRecord(body)) return { differences: found, flows: [], versions: [] };
  found.push(...schemaDifferences('workflowImportResult', body));
  const flowMap = isRecord(body.importedFlowIdMap) ? body.importedFlowIdMap : {};
  const versionMap = isRecord(body.importedVersionIdMap) ? body.importedVersionIdMap : {};
  const answered = (list: unknown, id: unknown) =>
    (Array.isArray(list) ? list : [])
      .map((doc, index) => ({ doc, index }))
      .find(({ doc }) => isRecord(doc) && sameId(doc.id, id));
  const mapped = (map: Record<string, unknown>, given: string | undefined) =>
    given === undefined ? undefined : Object.entries(map).find(([key]) => key.toLowerCase() === given)?.[1];
  const versions: ModelVersion[] = [];
  for (const sent of bundle.flowVersions) {
    const id = mapped(versionMap, givenId(sent));
    const hit = answered(body.flowVersions, id);
    if (!hit || !isRecord(hit.doc)) {
      found.push(
        difference(
          'importMaps',
          'MUST',
          '/importedVersionIdMap',
          `no imported version for ${String(sent.id)}`,
          'schemas.md (Workflow Import Result)',
        ),
      );
      continue;
    }
    const at = pointerTo('flowVersions', hit.index);
    const flowId = mapped(flowMap, String(sent.flowId).toLowerCase());
    found.push(...keptAsSent(sent, hit.doc, at, 'MUST', [...READ_ONLY, 'flowId']));
    if (!sameId(hit.doc.flowId, flowId))
      found.push(
        difference(
          'roundTrip',
          'MUST',
          `${at}/flowId`,
          `flowId ${String(hit.doc.flowId)}, ${String(flowId)} expected`,
          D11,
        ),
      );
    versions.push({
      id: String(id).toLowerCase(),
      flowId: String(flowId).toLowerCase(),
      sent,
      version: String(sent.version),
      creationDate: instant(hit.doc.creationDate),
      lastUpdated: instant(hit.doc.lastUpdated),
    });
  }
  const flows: ModelFlow[] = [];
  for (const sent of bundle.flows) {
    const id = mapped(flowMap, givenId(sent));
    const hit = answered(body.flows, id);
    if (!hit || !isRecord(hit.doc)) {
      found.push(
        difference(
          'importMaps',
          'MUST',
          '/importedFlowIdMap',
          `no imported flow for ${String(sent.id)}`,
          'schemas.md (Workflow Import Result)',
        ),
      );
      continue;
    }
    const at = pointerTo('flows', hit.index);
    found.push(...keptAsSent(sent, hit.doc, at, 'MUST', READ_ONLY));
    found.push(
      ...defaultsFilled(
        sent,
        hit.doc,
        { ...IMPORT_DEFAULTS, stats: CREATED_WORKFLOW_DEFAULTS.stats },
        at,
        D11,
      ),
    );
    found.push(...freshInstants(hit.doc, at, context.now, 'docs/reference-decisions.md decision 14'));
    const wantedDefault =
      typeof sent.defaultVersionId === 'string'
        ? mapped(versionMap, sent.defaultVersionId.toLowerCase())
        : undefined;
    if (wantedDefault !== undefined && !sameId(hit.doc.defaultVersionId, wantedDefault))
      found.push(
        difference(
          'defaultVersion',
          'SHOULD',
          `${at}/defaultVersionId`,
          `defaultVersionId ${String(hit.doc.defaultVersionId)}, ${String(wantedDefault)} expected`,
          'docs/decisions.md P4',
        ),
      );
    flows.push(flowOf(sent, hit.doc, String(id), hit.doc.defaultVersionId));
  }
  return { differences: found, flows, versions };
}
