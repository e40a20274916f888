export * from './env.js';
export * from './temporal.js';
