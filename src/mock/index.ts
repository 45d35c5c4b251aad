export { createMockServer, type MockOptions, type MockServer } from './server';
export { VARIANTS, VARIANT_NAMES, isVariantName, type VariantName } from './dialect';
export { FAULTS, FAULT_NAMES, isFaultName, type FaultName } from './faults';
export { applySeed, readSeedFile, SeedError, type Seed } from './seed';
export { MockStore, type TokenRecord, type ApplicationState } from './store';
export * from './defaults';
