/**
 * Jest runs the TypeScript tests as native ES modules (NODE_OPTIONS=--experimental-vm-modules,
 * set by the npm scripts), transformed by SWC; `tsc --noEmit` type-checks them beforehand.
 * @type {import('jest').Config}
 */
export default {
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  // Sources import each other as `./x.js` (Node's ESM rule); the files on disk are `./x.ts`.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testSequencer: '<rootDir>/tests/support/slow-first-sequencer.mjs',
  // One line per test file and the totals (`--verbose` adds a line per test); the contract test's progress marks.
  reporters: ['<rootDir>/tests/support/plain-summary-reporter.mjs', '<rootDir>/tests/support/contract-progress-reporter.mjs'],
  testTimeout: 60_000,
  // Spawned newsrooms and embedded servers each take a core; two files at a time fit 2 cores.
  maxWorkers: 2,
  coverageProvider: 'v8',
  collectCoverageFrom: ['lambdas/**/*.ts', 'local/**/*.ts', 'lib/**/*.ts', '!**/*.d.ts'],
  coverageReporters: ['json'],
};
