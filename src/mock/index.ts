export { createMockServer, type MockOptions, type MockServer } from './server';
export { VARIANTS, VARIANT_NAMES, isVariantName, type VariantName } from './dialect';
export { CASE_FAULT_NAMES, FAULTS, FAULT_NAMES, FOUND_BY_FUZZ, isFaultName, type FaultName } from './faults';
export { applySeed, readSeedFile, SeedError, type Seed } from './seed';
export { MockStore, type TokenRecord, type ApplicationState } from './store';
export * from './defaults';
