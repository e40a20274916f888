export * from './start-session.js';
export * from './reconcile.js';
export * from './series.js';
export * from './lifecycle.js';
export * from './team-settings.js';
export * from './team-invitation.js';
export * from './sign-in-link.js';
