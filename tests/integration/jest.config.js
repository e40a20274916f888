import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: '@rhythm/integration-tests',
  // Each test starts service processes and waits on real servers.
  testTimeout: 120_000,
  // One file at a time: each file's workers poll the shared task queues (sessions, notifications),
  // and a notifier of one file (outbox) must not take the emails of another's (local Resend).
  maxWorkers: 1,
};
