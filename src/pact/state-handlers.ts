import { isFlowId } from '../target/run-flows';
import type { IncomingMessage } from 'node:http';
import { actionById } from '../../specs/catalog';
import {
  APPLICATION_DOES_NOT_EXIST,
  APPLICATION_EXISTS,
  APPLICATION_HAS_FLOWS,
  NO_VALID_TOKEN,
  TOKEN_STATES,
  ownScope,
} from '../../specs/catalog/provider-states';
import { FlowsClient } from '../client';
import type { TokenProvider } from '../target';
import { providerDataBundle } from './provider-data';
import { setupFetch } from './setup-fetch';

/** As the Verifier's proxy calls them: state parameters in, values to inject into the request out. */
export type StateHandler = (params?: unknown) => Promise<Record<string, string> | undefined>;
export type StateHandlers = Record<string, StateHandler>;
/** The express middleware signature of the Verifier's `requestFilter`, without express's types. */
export type RequestFilter = (request: IncomingMessage, response: unknown, next: () => void) => void;

export interface ProviderUnderTest {
  readonly baseUrl: string;
  readonly applicationId: string;
  readonly tokens: TokenProvider;
  /** Deletes a flow the states created (best effort); without it, the flows stay. */
  readonly removeFlow?: (flowId: string) => Promise<void>;
  /** Bound of each set-up request (default 10 s). */
  readonly timeoutMs?: number;
}

/** How long the removal of what verify created may take in all: best effort, never a hang. */
export const CLEANUP_DEADLINE_MS = 30_000;

export interface ProviderStateSetup {
  /** Keyed by the catalog's provider state names (specs/catalog/provider-states.ts). */
  readonly stateHandlers: StateHandlers;
  /** Puts the token of the interaction's scope state in place of the pact's dummy one. */
  readonly requestFilter: RequestFilter;
  /**
   * Removes the flows the states imported and the given ones (those the interactions created), within
   * CLEANUP_DEADLINE_MS.
   */
  cleanup(createdByInteractions?: readonly string[]): Promise<void>;
  /** Token states that could not be set up, by state name: why (e.g. the scope cannot be minted). */
  readonly stateErrors: ReadonlyMap<string, string>;
}

/**
 * Provider states set up through the API itself (Import with a flows.import token; tokens from the
 * target's token provider), so the same verification runs against the mock and a real server.
 */
export function createProviderStates(provider: ProviderUnderTest): ProviderStateSetup {
  let token: string | undefined;
  const stateErrors = new Map<string, string>();
  let flowsImported: Promise<unknown> | undefined;
  const importedFlowIds: string[] = [];
  const onTarget = () => Promise.resolve({ applicationId: provider.applicationId });

  const importFlows = async () => {
    const importer = await provider.tokens.tokenFor(ownScope(actionById('flows.import')));
    const client = new FlowsClient({
      baseUrl: provider.baseUrl,
      token: importer,
      fetch: setupFetch(provider.timeoutMs ?? 10_000),
    });
    const result = await client.import(provider.applicationId, providerDataBundle());
    importedFlowIds.push(...result.flows.map((flow) => flow.id));
  };

  const stateHandlers: StateHandlers = {
    [APPLICATION_EXISTS.name]: onTarget,
    [APPLICATION_HAS_FLOWS.name]: async () => {
      flowsImported ??= importFlows().catch((error: unknown) => {
        flowsImported = undefined;
        throw error;
      });
      try {
        await flowsImported;
      } catch (error) {
        stateErrors.set(APPLICATION_HAS_FLOWS.name, error instanceof Error ? error.message : String(error));
      }
      return onTarget();
    },
    [APPLICATION_DOES_NOT_EXIST.name]: (params) =>
      Promise.resolve({ applicationId: String((params as { applicationId: string }).applicationId) }),
  };
  for (const state of TOKEN_STATES)
    stateHandlers[state.name] =
      state === NO_VALID_TOKEN
        ? () => {
            token = undefined;
            return Promise.resolve(undefined);
          }
        : async () => {
            // A token that cannot be had must not leave the previous interaction's token in place (the
            // request would then fail for the wrong reason): the dummy token goes out, and the reason is
            // recorded for the report instead of being thrown into the verifier's output.
            token = undefined;
            try {
              token = await provider.tokens.tokenFor(state.params.scope);
            } catch (error) {
              stateErrors.set(state.name, error instanceof Error ? error.message : String(error));
            }
            return undefined;
          };

  const requestFilter: RequestFilter = (request, _response, next) => {
    if (token !== undefined) request.headers.authorization = `Bearer ${token}`;
    next();
  };
  const cleanup = async (createdByInteractions: readonly string[] = []) => {
    const { removeFlow } = provider;
    if (!removeFlow) return;
    const ids = [...new Set([...importedFlowIds.splice(0), ...createdByInteractions])].filter(isFlowId);
    const removals = Promise.allSettled(ids.map((id) => removeFlow(id)));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLEANUP_DEADLINE_MS); // wait-ok: a deadline, not a sleep
      timer.unref();
    });
    await Promise.race([removals, deadline]);
    clearTimeout(timer);
  };
  return { stateHandlers, requestFilter, cleanup, stateErrors };
}
