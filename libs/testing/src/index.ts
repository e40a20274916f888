export * from './env.js';
export * from './temporal.js';
export * from './database.js';
export * from './local-resend.js';
export * from './service-process.js';
export * from './eventually.js';
export * from './oidc-provider.js';
