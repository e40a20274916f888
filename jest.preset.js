// Shared Jest settings. The repo is ESM (MikroORM 7 ships ESM only), so Jest runs with
// --experimental-vm-modules and @swc/jest compiles TypeScript to ES modules.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  // A project with no tests yet is not a failure; ./rhythm test's summary counts what ran.
  passWithNoTests: true,
  // Name every test in the output, so a run shows what passed, not just how many.
  verbose: true,
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2023',
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  // Source imports say `./x.js` (NodeNext); Jest resolves them to the `.ts` file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  reporters: ['default', '<rootDir>/../../tools/jest/results-reporter.js'],
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)', '<rootDir>/test/**/*.test.ts?(x)'],
};
