export * from './start-session.js';
