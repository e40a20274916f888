import preset from '../jest.preset.js';

export default {
  ...preset,
  displayName: '@rhythm/deploy',
  // The preset names the shared reporter relative to libs/x and services/x; deploy/ is one level up.
  reporters: ['default', '<rootDir>/../tools/jest/results-reporter.js'],
  // The checks run real tools (docker-compose, kustomize, hadolint, the TypeScript compiler,
  // webpack for the workflow bundle, the Temporal CLI): seconds, not milliseconds.
  testTimeout: 120_000,
};
