import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: '@rhythm/stack',
  // Copies PostgreSQL's binaries and runs initdb and the server.
  testTimeout: 120_000,
};
