import { ACTIONS, type ActionSpec } from '../../specs/catalog';

/** A request the proxy judges: one of the catalog's actions, with the application id its path names. */
export interface ActionRoute {
  readonly action: ActionSpec;
  readonly applicationId: string;
}

const PLACEHOLDER = '{APPLICATION_ID}';

/** A path segment as its percent-encoding says, or as sent when that encoding is broken. */
export const decodedSegment = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** `/applications/{APPLICATION_ID}/flows` as a pattern: the placeholder is one path segment. */
const patternOf = (template: string): RegExp => {
  const [before, after] = template
    .split(PLACEHOLDER)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${before}([^/]+)${after}/?$`);
};

const PATTERNS = ACTIONS.map((action) => ({ action, pattern: patternOf(action.pathTemplate) }));

/** The action a request names by method and path (without the query), or undefined for any other route. */
export function actionRouteOf(method: string, path: string): ActionRoute | undefined {
  for (const { action, pattern } of PATTERNS) {
    if (action.method !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    return { action, applicationId: decodedSegment(match[1]) };
  }
  return undefined;
}
