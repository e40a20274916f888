export * from './config.js';
export * from './logger.js';
export * from './run-main.js';
export * from './temporal.js';
export * from './connect.js';
export * from './health-server.js';
export * from './run-worker.js';
export * from './signed-links.js';
