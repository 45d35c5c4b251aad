export * from './actions';
export * from './decisions';
export * from './schemas';
export * from './scopes';
export * from './coverage';
export * from './created-workflow';
export * from './answer-keys';
