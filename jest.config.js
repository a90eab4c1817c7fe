/** Five projects: pure logic, the real stack, replay of committed workflow histories, the web app in a browser, and faults on the production shape. */
const tsJest = { '^.+\\.ts$': ['ts-jest', {}] };
const common = { testEnvironment: 'node', transform: tsJest, moduleFileExtensions: ['ts', 'js', 'json'] };
module.exports = {
  // Integration tests start real servers, hash passwords and wait for workflow timers: seconds, not ms. On a
  // shared 2-core machine under a load of 30 a system's start alone (beforeAll) has taken over 90 s.
  testTimeout: 180_000,
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
    {
      // Headless Debian Chromium through the real stack: a journey per role, screenshots, a phone-size pass.
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/test/browser/globalSetup.ts',
      globalTeardown: '<rootDir>/test/browser/globalTeardown.ts',
    },
    // Its own production-shaped cluster (scripts/cluster), faults injected with matters moving; writes docs/reliability.md.
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.test.ts'] },
  ],
};
