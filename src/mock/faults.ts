/**
 * Deliberate bugs, for proving that the conformance suite and the pact verifier catch a broken server.
 * Each is switched on by name in `MockOptions.faults` and read once, in behaviour.ts, which turns the
 * faults of a server into its behaviour; the rest of the mock never sees a fault's name.
 */
export const FAULTS = {
  'ignore-scopes': 'Any valid token passes the scope check (no 403 for a token without an accepted scope).',
  'ignore-application-binding': 'A token of application A reads and writes application B.',
  'unauthorized-as-200': 'A request without a usable token is served as the mock user.',
  'expired-tokens-accepted': 'A token whose expirationDate has passed is still accepted.',
  'no-www-authenticate': '401 answers lack the WWW-Authenticate: Bearer header.',
  'sort-ignores-direction': 'sortDirection=desc sorts ascending.',
  'no-tie-break': 'Ties of the sort field come in descending id order instead of ascending.',
  'paging-one-based': 'page is read as 1-based: page=1 is the first page (and page=0 too).',
  'no-query-echo': 'Collections do not echo sortField, sortDirection, page and perPage.',
  'wrong-total-count': 'totalCount is the number of items on the page, not of all matches.',
  'glob-case-sensitive': 'The filter glob matches case-sensitively.',
  'no-flowclass-default': 'Without flowClass, flows of every class are returned.',
  'trigger-filter-ignored': 'triggerFilter is validated but does not filter.',
  'custom-nodes-missing': 'includeCustomNodes=true adds no customNodes.',
  'version-filter-ignored': 'Get by Version returns versions of every version name.',
  'post-returns-200': 'Post answers 200 instead of 201.',
  'post-id-as-number': 'The Workflow that Post returns has a number as id (wrong body field type).',
  'post-skips-validation': 'Post creates flows from bodies that the Workflow Post schema refuses.',
  'import-partial': 'A failing import still creates the valid flows of its bundle.',
  'import-no-id-maps': 'The Import result lacks importedFlowIdMap and importedVersionIdMap.',
  'unknown-app-as-200': 'An unknown (well-formed) application is served as an empty one instead of 404.',
  'error-body-as-text': 'Errors are sent as text/plain messages, not JSON Error bodies.',
  'invalid-query-ignored':
    'Invalid query values (sortField=bogus, perPage=0, ...) are replaced by defaults: 200.',
  'drops-description':
    'Created flows are stored without their description (Post answers with it, Get does not).',
  'wildcard-scopes-expanded':
    'An accepted scope ending in .* admits every token scope with that prefix (flows.get may Post).',
  'no-filter-echo': 'Collections do not echo filter, filterField, applicationId and flowClass.',
  'glob-question-as-star': 'The filter glob reads ? as * (any run, also none).',
  'trigger-filter-every-entry': 'A flow must match every triggerFilter entry, not at least one.',
  'trigger-filter-needs-type':
    'A triggerFilter entry without a type is dropped (key-only entries filter nothing).',
  'custom-nodes-all':
    'includeCustomNodes=true adds every custom-node flow of the application, referenced or not.',
  'import-versions-to-first-flow': 'Import attaches every version to the first flow of the bundle.',
  'import-no-defaults': 'Imported flows lack the defaults of Post (enabled, globals, stats).',
  'import-keeps-read-only': 'Imported flows keep the creationDate, lastUpdated and stats they were given.',
  'trigger-filter-own-triggers':
    'triggerFilter looks at the flow’s own triggers even when it has a default version.',
  'version-case-insensitive': 'Get by Version matches the version name case-insensitively.',
  'post-stale-dates': 'Post stamps creationDate and lastUpdated with a date of 2016 instead of now.',
  'import-default-version-unmapped':
    'Import keeps a flow’s given defaultVersionId instead of the new id of that version.',
  'lenient-json':
    'A body that is JSON but for a trailing comma and its closing brace is read as if they were there.',
  'foreign-application-reachable': 'A token of the mock user reaches an application of another user.',
  'revoked-tokens-accepted': 'A revoked token is still accepted.',
  'forbidden-names-application':
    'The 403 for a token of another application names the application it asked for.',
  'custom-nodes-cross-application':
    'customNodes also lists custom-node flows of other applications that the nodes reference.',
  'custom-nodes-from-all-matches':
    'customNodes is computed from every flow matching the query, not from the page returned.',
  'custom-nodes-versions-empty': 'Get by Version answers customNodes: [] whatever the versions reference.',
  'custom-nodes-when-false': 'includeCustomNodes=false adds customNodes as true does.',
  'ties-by-creation-order': 'Ties of the sort field keep the order of creation instead of going by id.',
  'post-400-still-stores': 'Post stores a flow whose body has an unknown key, then answers 400 for it.',
  'duplicate-query-crashes': 'A query parameter given twice crashes the handler (500).',
  'filter-ignored': 'Get ignores filter and filterField: every flow of the class is listed.',
  'filter-field-defaults-to-name': 'A blank or missing filterField is read as name, so filter alone filters.',
  'query-names-case-insensitive':
    'Query parameter names are matched case-insensitively (PerPage is perPage).',
  'name-max-length-refused': 'Post refuses a name of exactly maxLength characters (an off-by-one).',
  'trigger-filter-dot-crashes': 'A triggerFilter key holding a "." crashes the lookup (500).',
  'deep-config-crashes': 'Post crashes the store (500) on a node config nested twenty levels deep.',
  'emoji-description-truncated':
    'Post stores a description cut before its first emoji (any character beyond the BMP).',
} as const satisfies Record<string, string>;

export type FaultName = keyof typeof FAULTS;

export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

/**
 * Faults that only generated input finds: no fixed case uses their boundary or character, so the kill
 * matrix of `npm run mutants` leaves them out and `flows-conformance fuzz` must find each
 * (test/fuzz/fuzz.test.ts asserts it does).
 */
export const FOUND_BY_FUZZ: readonly FaultName[] = [
  'name-max-length-refused',
  'trigger-filter-dot-crashes',
  'deep-config-crashes',
  'emoji-description-truncated',
];

/** The faults the fixed cases of `run` must each kill (test/runner/faults.test.ts). */
export const CASE_FAULT_NAMES = FAULT_NAMES.filter((name) => !FOUND_BY_FUZZ.includes(name));

export const isFaultName = (name: string): name is FaultName =>
  Object.prototype.hasOwnProperty.call(FAULTS, name);

/** The faults a server runs with; only behaviour.ts asks `on(name)`. */
export interface FaultSet {
  on(name: FaultName): boolean;
}

export function faultSet(names: readonly string[] = []): FaultSet {
  for (const name of names) if (!isFaultName(name)) throw new Error(`unknown fault "${name}"`);
  const active = new Set<string>(names);
  return { on: (name) => active.has(name) };
}
