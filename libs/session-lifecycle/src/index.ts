export * from './start-session.js';
export * from './reconcile.js';
