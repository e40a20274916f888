import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: '@rhythm/api',
  // Every test file creates and migrates its own database: allow for a slow machine.
  testTimeout: 30_000,
};
