import { decodeEntities, firstTable, jsonBlocks, parseLink, sectionTitled, sectionsAt } from './markdown';

/** One row of an action's "Request Query Parameters" table, entities decoded. */
export interface ReferenceQueryRow {
  readonly name: string;
  readonly required: boolean;
  readonly description: string;
  readonly default: string;
  readonly example: string;
}

/** One row of an action's "Request Path Components" table. */
export interface ReferencePathRow {
  readonly name: string;
  readonly description: string;
  readonly example: string;
}

/** One row of a "Successful Responses" or "Error Responses" table. */
export interface ReferenceStatusRow {
  readonly status: number;
  /** The link text, `Workflow Import Result`. */
  readonly typeName: string;
  /** The link, `schemas.md#workflow-import-result`. */
  readonly typeHref: string;
  readonly description: string;
}

export interface ReferenceRequestBody {
  readonly typeName: string;
  readonly typeHref: string;
  /** The body the reference calls "a valid body for this request". */
  readonly example: unknown;
}

/** One `## ` section of flows-actions.md. */
export interface ReferenceAction {
  readonly name: string;
  /** `get`, `getByVersion`: the prefix of the section's anchors. */
  readonly anchor: string;
  readonly summary: string;
  readonly method: string;
  /** `/applications/{APPLICATION_ID}/flows`, relative to the API root. */
  readonly pathTemplate: string;
  readonly acceptedScopes: readonly string[];
  readonly pathComponents: readonly ReferencePathRow[];
  readonly query: readonly ReferenceQueryRow[];
  readonly requestBody?: ReferenceRequestBody;
  readonly responses: readonly ReferenceStatusRow[];
}

const API_ROOT = 'https://api.losant.com';

function parseMethodAndUrl(text: string, where: string): { method: string; pathTemplate: string } {
  const match = /^(GET|POST|PUT|PATCH|DELETE) (\S+)$/m.exec(text);
  if (!match) throw new Error(`${where}: no method and URL`);
  const url = match[2].replace(/\*\*`([A-Z_]+)`\*\*/g, '{$1}');
  if (!url.startsWith(API_ROOT)) throw new Error(`${where}: URL ${url} is not under ${API_ROOT}`);
  return { method: match[1], pathTemplate: url.slice(API_ROOT.length) };
}

/** "... at least one of the following scopes:\na, b, or c." */
function parseAcceptedScopes(text: string, where: string): string[] {
  const match = /at least one of the following scopes:\s*\n(.+)\.\s*$/m.exec(text);
  if (!match) throw new Error(`${where}: no accepted-scopes sentence`);
  return match[1].split(/,\s*(?:or\s+)?|\s+or\s+/).map((scope) => scope.trim());
}

const toQueryRow = (row: Record<string, string>): ReferenceQueryRow => ({
  name: row.Name,
  required: row.Required === 'Y',
  description: row.Description,
  default: row.Default,
  example: row.Example,
});

function toStatusRow(row: Record<string, string>, where: string): ReferenceStatusRow {
  const link = parseLink(row.Type);
  if (!link) throw new Error(`${where}: status ${row.Code} has no type link`);
  return { status: Number(row.Code), typeName: link.text, typeHref: link.href, description: row.Description };
}

function parseRequestBody(text: string, where: string): ReferenceRequestBody {
  const link = parseLink(/validates against\s+the (\[[^\]]+\]\([^)]+\)) schema/.exec(text)?.[1] ?? '');
  if (!link) throw new Error(`${where}: the request body names no schema`);
  const [example] = jsonBlocks(text);
  return { typeName: link.text, typeHref: link.href, example };
}

const optionalSection = (sections: ReturnType<typeof sectionsAt>, title: string) =>
  sections.find((section) => section.title === title);

function parseAction(name: string, body: string): ReferenceAction {
  const parts = sectionsAt(body, 3);
  const methodPart = sectionTitled(parts, 'Method And Url', name);
  const anchor = methodPart.anchor?.replace(/-method-url$/, '');
  if (!anchor) throw new Error(`${name}: the method heading has no anchor`);
  const summary =
    body
      .split('\n')
      .find((line) => line.trim() !== '' && !line.startsWith('#'))
      ?.trim() ?? '';
  const pathComponents = optionalSection(parts, 'Request Path Components');
  const query = optionalSection(parts, 'Request Query Parameters');
  const requestBody = optionalSection(parts, 'Request Body');
  const statusRows = ['Successful Responses', 'Error Responses'].flatMap((title) =>
    firstTable(sectionTitled(parts, title, name).body).map((row) => toStatusRow(row, `${name} ${title}`)),
  );
  return {
    name,
    anchor,
    summary: decodeEntities(summary),
    ...parseMethodAndUrl(methodPart.body, name),
    acceptedScopes: parseAcceptedScopes(sectionTitled(parts, 'Authentication', name).body, name),
    pathComponents: pathComponents
      ? firstTable(pathComponents.body).map((row) => ({
          name: row['Path Component'],
          description: row.Description,
          example: row.Example,
        }))
      : [],
    query: query ? firstTable(query.body).map(toQueryRow) : [],
    requestBody: requestBody ? parseRequestBody(requestBody.body, name) : undefined,
    responses: statusRows,
  };
}

export const parseActionsMarkdown = (markdown: string): ReferenceAction[] =>
  sectionsAt(markdown, 2).map(({ title, body }) => parseAction(title, body));
