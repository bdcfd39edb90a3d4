import Sequencer from '@jest/test-sequencer';
import run from './mutation-run.cjs';

/**
 * Mutation runs (stryker.config.mjs) name the tests that reach a mutant by a test-name pattern,
 * and Jest would still load every related test file (each imports the AWS SDK, and many start an
 * embedded DynamoDB) only to skip its tests. This sequencer keeps the files that hold a test the
 * pattern matches, by the record mutation-environment.cjs wrote during Stryker's initial run, and
 * runs first the files likeliest to end the run soon: the quickest, weighed by how many mutants
 * each has killed so far in this run (the first failure ends the run, and a file that often
 * kills is worth its time). A file the record does not know is kept, so a mutant is never tested
 * by fewer tests than Jest alone would run.
 */
export default class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    run.startRun();
    this.pattern = options.globalConfig.testNamePattern ? new RegExp(options.globalConfig.testNamePattern, 'i') : undefined;
    this.rootDir = options.contexts[0]?.config.rootDir;
  }

  sort(tests) {
    if (!this.pattern || !this.rootDir) return super.sort(tests);
    const files = run.recordedFiles(this.rootDir);
    const kills = run.recordedKills(this.rootDir);
    const kept = tests.filter((test) => !files.has(test.path) || files.get(test.path).names.some((name) => this.pattern.test(name)));
    // Expected time to a kill: a file's time, divided by how often it has killed.
    const cost = (test) => (files.get(test.path)?.ms ?? Number.MAX_SAFE_INTEGER) / (1 + (kills.get(test.path) ?? 0));
    return kept.sort((a, b) => cost(a) - cost(b));
  }
}
