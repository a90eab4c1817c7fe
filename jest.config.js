/** Three projects: pure logic, the real stack, and replay of committed workflow histories. */
const tsJest = { '^.+\\.ts$': ['ts-jest', {}] };
const common = { testEnvironment: 'node', transform: tsJest, moduleFileExtensions: ['ts', 'js', 'json'] };
module.exports = {
  // Integration tests start real servers, hash passwords and wait for workflow timers: seconds, not ms.
  testTimeout: 90_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/integration/globalSetup.ts',
      globalTeardown: '<rootDir>/test/integration/globalTeardown.ts',
    },
    { ...common, displayName: 'replay', testMatch: ['<rootDir>/test/replay/**/*.test.ts'] },
  ],
};
