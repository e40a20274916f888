import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: '@rhythm/workflows',
  // Workflow tests bundle the workflow code and drive a Temporal server: seconds, not milliseconds.
  testTimeout: 120_000,
};
