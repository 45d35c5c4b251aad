import { expect } from 'chai';
import { PROVIDER_STATES, TOKEN_STATES, APPLICATION_STATES } from '../../specs/catalog/provider-states';
import { ALL_PACT_CASES } from '../../src/pact/interactions';
import { createProviderStates } from '../../src/pact/state-handlers';
import type { TokenProvider } from '../../src/target';

const unusedTokens = new Proxy({} as TokenProvider, {
  get: () => () => Promise.reject(new Error('no token in this test')),
});

describe('provider states: catalog constants and verifier handlers', () => {
  const { stateHandlers } = createProviderStates({
    baseUrl: 'http://127.0.0.1:1',
    applicationId: 'x',
    tokens: unusedTokens,
  });

  it('has a handler for every provider state of the catalog, and no other', () => {
    expect(Object.keys(stateHandlers)).to.have.members(PROVIDER_STATES.map((state) => state.name));
  });

  it('names no state twice', () => {
    expect(new Set(PROVIDER_STATES.map((state) => state.name)).size).to.equal(PROVIDER_STATES.length);
  });

  for (const pactCase of ALL_PACT_CASES)
    it(`${pactCase.description}: one application state first, then one token state`, () => {
      expect(pactCase.states).to.have.length(2);
      expect(APPLICATION_STATES).to.include(pactCase.states[0]);
      expect(TOKEN_STATES.map((state) => state.name)).to.include(pactCase.states[1].name);
    });
});
