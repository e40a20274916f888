import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: '@rhythm/notifier',
  // Tests on Temporal wait for real retries and a worker's restart; each file migrates its own database.
  testTimeout: 90_000,
};
