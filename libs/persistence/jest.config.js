import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: '@rhythm/persistence',
  // Every test file creates and migrates its own database: allow for a slow machine.
  testTimeout: 30_000,
  globalSetup: '<rootDir>/test/global-setup.ts',
};
