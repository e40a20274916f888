import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: '@rhythm/web',
  // Components render into jsdom; the API is replaced by a fetch stand-in (test/support).
  testEnvironment: '<rootDir>/test/support/jsdom-environment.js',
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '\\.css$': '<rootDir>/test/support/style-stub.js',
  },
  testTimeout: 15_000,
};
