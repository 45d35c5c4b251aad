import { faultSet, type FaultName } from './faults';
import type { GlobReading } from '../model/resource/glob';

/**
 * How one mock server behaves where a fault can change it, in the domain's words: the one seam between
 * the faults and the mock. `behaviourOf` reads every fault once, when the server starts; the domain
 * functions take the part they need (how to sort, how to page, ...) and never see a fault's name.
 * With no faults, every part says what the reference and the decisions say.
 */
export interface AuthBehaviour {
  readonly acceptsExpired: boolean;
  readonly acceptsRevoked: boolean;
  /** A request without a usable token is served as the mock user. */
  readonly anonymousIsUser: boolean;
  /** `exact`: an accepted scope held as is; `prefix`: `flows.*` admits `flows.get`; `none`: no check. */
  readonly scopeCheck: 'exact' | 'prefix' | 'none';
  readonly bindsTokenToApplication: boolean;
  readonly forbiddenNamesApplication: boolean;
  readonly reachesForeignApplications: boolean;
  readonly unknownApplicationIsEmpty: boolean;
}

export interface ErrorBehaviour {
  readonly challengesOn401: boolean;
  readonly bodyAsText: boolean;
}

export interface QueryBehaviour {
  readonly namesCaseInsensitive: boolean;
  /** An invalid or missing required value is replaced by the default instead of a 400. */
  readonly invalidAsDefault: boolean;
  /** A parameter given twice throws a TypeError (a 500). */
  readonly duplicateCrashes: boolean;
}

export interface SelectionBehaviour {
  readonly defaultsFlowClass: boolean;
  readonly filterFieldDefault?: string;
  /** filter and filterField are read (and validated) but select nothing. */
  readonly filterIgnored: boolean;
  readonly glob: GlobReading;
  readonly triggerFilter: {
    readonly ignored: boolean;
    readonly dropsEntriesWithoutType: boolean;
    /** An entry of the filter must match (`some`), or every entry must (`every`). */
    readonly entriesNeeded: 'some' | 'every';
    readonly ownTriggersOnly: boolean;
    /** A key holding a `.` crashes the lookup (found by fuzz only). */
    readonly dottedKeyCrashes: boolean;
  };
}

export interface SortBehaviour {
  readonly followsDirection: boolean;
  readonly ties: 'idAscending' | 'idDescending' | 'creationOrder';
}

export interface PagingBehaviour {
  readonly firstPage: 0 | 1;
  readonly totalCountOfPage: boolean;
}

export interface EchoBehaviour {
  readonly echoesQuery: boolean;
  readonly echoesFilters: boolean;
}

export interface CustomNodesBehaviour {
  readonly never: boolean;
  readonly alsoWhenFalse: boolean;
  readonly everyCustomNode: boolean;
  readonly crossApplication: boolean;
  readonly fromAllMatches: boolean;
  readonly emptyForVersions: boolean;
}

export interface VersionBehaviour {
  readonly caseInsensitive: boolean;
  readonly ignoresVersion: boolean;
}

export interface PostBehaviour {
  readonly status: 200 | 201;
  readonly staleDates: boolean;
  readonly dropsDescription: boolean;
  readonly storesBeforeValidating: boolean;
  readonly skipsValidation: boolean;
  readonly idAsNumber: boolean;
  /** Found by fuzz only: an off-by-one at the name's maxLength, a crash on a deep node config, a cut description. */
  readonly refusesNameAtMaxLength: boolean;
  readonly deepConfigCrashes: boolean;
  readonly truncatesDescriptionAtEmoji: boolean;
}

export interface ImportBehaviour {
  readonly partial: boolean;
  readonly idMaps: boolean;
  readonly versionsToFirstFlow: boolean;
  readonly defaults: boolean;
  readonly keepsReadOnly: boolean;
  readonly mapsDefaultVersion: boolean;
}

export interface MockBehaviour {
  readonly auth: AuthBehaviour;
  readonly errors: ErrorBehaviour;
  readonly lenientJson: boolean;
  readonly query: QueryBehaviour;
  readonly selection: SelectionBehaviour;
  readonly sort: SortBehaviour;
  readonly paging: PagingBehaviour;
  readonly echo: EchoBehaviour;
  readonly customNodes: CustomNodesBehaviour;
  readonly version: VersionBehaviour;
  readonly post: PostBehaviour;
  readonly import: ImportBehaviour;
}

/** The behaviour of a server with these faults on; throws on a name that is no fault. */
export function behaviourOf(names: readonly string[] = []): MockBehaviour {
  const faults = faultSet(names);
  const on = (name: FaultName): boolean => faults.on(name);
  return {
    auth: {
      acceptsExpired: on('expired-tokens-accepted'),
      acceptsRevoked: on('revoked-tokens-accepted'),
      anonymousIsUser: on('unauthorized-as-200'),
      scopeCheck: on('ignore-scopes') ? 'none' : on('wildcard-scopes-expanded') ? 'prefix' : 'exact',
      bindsTokenToApplication: !on('ignore-application-binding'),
      forbiddenNamesApplication: on('forbidden-names-application'),
      reachesForeignApplications: on('foreign-application-reachable'),
      unknownApplicationIsEmpty: on('unknown-app-as-200'),
    },
    errors: { challengesOn401: !on('no-www-authenticate'), bodyAsText: on('error-body-as-text') },
    lenientJson: on('lenient-json'),
    query: {
      namesCaseInsensitive: on('query-names-case-insensitive'),
      invalidAsDefault: on('invalid-query-ignored'),
      duplicateCrashes: on('duplicate-query-crashes'),
    },
    selection: {
      defaultsFlowClass: !on('no-flowclass-default'),
      filterFieldDefault: on('filter-field-defaults-to-name') ? 'name' : undefined,
      filterIgnored: on('filter-ignored'),
      glob: { caseSensitive: on('glob-case-sensitive'), questionAsStar: on('glob-question-as-star') },
      triggerFilter: {
        ignored: on('trigger-filter-ignored'),
        dropsEntriesWithoutType: on('trigger-filter-needs-type'),
        entriesNeeded: on('trigger-filter-every-entry') ? 'every' : 'some',
        ownTriggersOnly: on('trigger-filter-own-triggers'),
        dottedKeyCrashes: on('trigger-filter-dot-crashes'),
      },
    },
    sort: {
      followsDirection: !on('sort-ignores-direction'),
      ties: on('ties-by-creation-order')
        ? 'creationOrder'
        : on('no-tie-break')
          ? 'idDescending'
          : 'idAscending',
    },
    paging: { firstPage: on('paging-one-based') ? 1 : 0, totalCountOfPage: on('wrong-total-count') },
    echo: { echoesQuery: !on('no-query-echo'), echoesFilters: !on('no-filter-echo') },
    customNodes: {
      never: on('custom-nodes-missing'),
      alsoWhenFalse: on('custom-nodes-when-false'),
      everyCustomNode: on('custom-nodes-all'),
      crossApplication: on('custom-nodes-cross-application'),
      fromAllMatches: on('custom-nodes-from-all-matches'),
      emptyForVersions: on('custom-nodes-versions-empty'),
    },
    version: {
      caseInsensitive: on('version-case-insensitive'),
      ignoresVersion: on('version-filter-ignored'),
    },
    post: {
      status: on('post-returns-200') ? 200 : 201,
      staleDates: on('post-stale-dates'),
      dropsDescription: on('drops-description'),
      storesBeforeValidating: on('post-400-still-stores'),
      skipsValidation: on('post-skips-validation'),
      idAsNumber: on('post-id-as-number'),
      refusesNameAtMaxLength: on('name-max-length-refused'),
      deepConfigCrashes: on('deep-config-crashes'),
      truncatesDescriptionAtEmoji: on('emoji-description-truncated'),
    },
    import: {
      partial: on('import-partial'),
      idMaps: !on('import-no-id-maps'),
      versionsToFirstFlow: on('import-versions-to-first-flow'),
      defaults: !on('import-no-defaults'),
      keepsReadOnly: on('import-keeps-read-only'),
      mapsDefaultVersion: !on('import-default-version-unmapped'),
    },
  };
}
