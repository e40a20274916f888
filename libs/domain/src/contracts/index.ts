export * from './task-queues.js';
export * from './search-attributes.js';
export * from './session-workflow.js';
export * from './notifications.js';
export * from './team-settings-workflow.js';
export * from './team-invitation-workflow.js';
export * from './sign-in-link-workflow.js';
