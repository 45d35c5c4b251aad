import type { RunSummary } from '../engine/results';
import { showControls } from '../reporters/controls';

const SHOWN_IDS = 10;

/** The stderr lines naming what the clean-up had to leave on the target, and how to find it all. */
export function leftFlowsLines(left: RunSummary['leftFlows']): string[] {
  if (!left || left.flows.length === 0) return [];
  const shown = left.flows
    .slice(0, SHOWN_IDS)
    .map((flow) => `${flow.id} in ${flow.applicationId} (${flow.reason})`);
  const more = left.flows.length > SHOWN_IDS ? `, and ${left.flows.length - SHOWN_IDS} more` : '';
  return [
    `flows-conformance: left ${left.flows.length} of the run's flows on the target, named ${showControls(left.prefix)}*: ${showControls(shown.join(', '))}${more}`,
  ];
}
