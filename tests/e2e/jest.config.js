import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: '@rhythm/e2e',
  // Each file starts the services and a browser, and waits on real servers.
  testTimeout: 120_000,
  // One file at a time: every file's workers poll the same task queues in the one e2e namespace,
  // each with its own database, so two at once would run each other's workflows.
  maxWorkers: 1,
};
