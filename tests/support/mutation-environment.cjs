'use strict';
/**
 * The test environment of mutation runs (stryker.config.mjs): Node's, plus two things Stryker's
 * Jest runner does not do for itself.
 * - During Stryker's initial run (no mutant active) it records which file holds each test, by
 *   Jest's full name (Stryker's test id), and how long the file took, for mutation-sequencer.mjs.
 * - With a mutant active, the first failing test kills it: the tests and hooks still to come in
 *   this run are skipped (Jest has no programmatic bail). A block already started still runs its
 *   afterAll hooks, so servers close. The file that killed it is recorded, for the sequencer.
 */
const { TestEnvironment } = require('jest-environment-node');
const run = require('./mutation-run.cjs');

function fullName(test) {
  const names = [test.name];
  for (let block = test.parent; block?.parent; block = block.parent) names.unshift(block.name);
  return names.join(' ');
}

class MutationTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.rootDir = config.projectConfig.rootDir;
    this.testPath = context.testPath;
    this.recording = !run.mutantActive();
    this.names = [];
    this.started = Date.now();
  }

  handleTestEvent(event) {
    if (this.recording) {
      if (event.name === 'test_start' || event.name === 'test_skip' || event.name === 'test_todo') this.names.push(fullName(event.test));
      return;
    }
    if (event.name === 'test_done' && event.test.errors.length > 0 && !run.runFailed()) {
      run.failRun();
      run.recordKill(this.rootDir, this.testPath);
    } else if (event.name === 'run_describe_start' && run.runFailed()) event.describeBlock.mode = 'skip';
    else if (event.name === 'test_start' && run.runFailed()) event.test.mode = 'skip';
  }

  async teardown() {
    if (this.recording) run.recordFile(this.rootDir, this.testPath, this.names, Date.now() - this.started);
    await super.teardown();
  }
}

module.exports = MutationTestEnvironment;
