export * from './types';
export * from './query';
export * from './errors';
export * from './flows-client';
