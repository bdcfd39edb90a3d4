/**
 * Mutation testing (`npm run test:mutation`, not part of `npm test` or CI): StrykerJS makes small
 * behaviour-changing edits to the workflow rules, the use cases and the storage adapters, and runs
 * the unit and integration tests against each; an edit no test notices is a gap in the tests.
 * The report is written to reports/mutation/ (HTML and JSON) and summarised on the console.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // Jest runs the TypeScript tests as native ES modules (see jest.config.js). A larger young
  // generation: Jest allocates a module graph per test file, and scavenges were a good part of a run.
  testRunnerNodeArgs: ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', '--max-semi-space-size=32'],
  // Each Jest run in a test runner leaves some memory behind (a test runner reached 2 GB, and its
  // runs slowed down): a fresh runner every 30 mutants costs a few seconds and keeps them quick.
  maxTestRunnerReuse: 30,
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // Unit and integration tests only: the end-to-end files spawn whole newsrooms and would make a
    // run take hours on 2 cores.
    config: {
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/integration/**/*.test.ts'],
      // Each mutant's run loads only the test files that hold a test reaching it (see the sequencer).
      testEnvironment: './tests/support/mutation-environment.cjs',
      // Stryker runs Jest in band: Jest's soft cleanup of globals between files then nests one more
      // setter per file in the same process, until a run ends in a stack overflow.
      testEnvironmentOptions: { globalsCleanup: 'off' },
      testSequencer: '<rootDir>/tests/support/mutation-sequencer.mjs',
    },
    enableFindRelatedTests: true,
  },
  mutate: [
    'lambdas/domain/**/*.ts',
    'lambdas/usecases/**/*.ts',
    'lambdas/store/**/*.ts',
    'lambdas/adapters/**/*.ts',
    // Each function's wiring: SDK clients and adapters built from its environment at load. Only the
    // end-to-end tests and the CDK template tests reach them, and a mutant there is configuration.
    '!lambdas/store/clients.ts',
    '!lambdas/store/*-client.ts',
    '!lambdas/store/*-clients.ts',
    // One constant, compared with package.json by a unit test; a constant set at module load is
    // credited to whichever test loaded the module first, so that test is never run for it.
    '!lambdas/store/version.ts',
  ],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) rerun every test; skipping them halves a run.
  ignoreStatic: true,
  // Later runs retest only mutants whose code or covering tests changed (`--force` for a full run);
  // `npm run test:mutation` starts a clone's first run from tests/mutation/incremental.json.gz.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // The machine is shared; raise with --concurrency on a free one.
  concurrency: 2,
  // Over 1.5 × the covering tests' own time; a timeout costs a test runner's restart.
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // A run scoring below 80 % fails (a run of one folder, with `--mutate`, holds that folder to it).
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
