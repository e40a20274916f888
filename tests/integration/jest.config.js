import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: '@rhythm/integration-tests',
  // Each test starts service processes and waits on real servers.
  testTimeout: 120_000,
};
