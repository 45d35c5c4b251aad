export * from './config';
export * from './credentials';
export * from './connect';
export * from './preflight';
