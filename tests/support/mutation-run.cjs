'use strict';
/**
 * What the mutation run's test environment (mutation-environment.cjs) and sequencer
 * (mutation-sequencer.mjs) share. Stryker runs Jest in band, so both live in its test runner's
 * process: the record of which file holds which test (written during Stryker's initial run, read
 * for every mutant) and whether the current mutant's run has already failed.
 */
const { appendFileSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const recordPath = (rootDir) => join(rootDir, '.stryker-test-files.jsonl');
const killsPath = (rootDir) => join(rootDir, '.stryker-test-kills.jsonl');

/** True while a mutant is active: Stryker names it in this variable for the run. */
exports.mutantActive = () => process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined;

/** Appends one test file's full test names and how long the file took. */
exports.recordFile = (rootDir, file, names, ms) => appendFileSync(recordPath(rootDir), `${JSON.stringify({ file, names, ms })}\n`);

/** The JSON lines of a record; none when it is not there yet. */
function records(path) {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** Every recorded file: its test names and its duration. */
exports.recordedFiles = (rootDir) => {
  const files = new Map();
  for (const { file, names, ms } of records(recordPath(rootDir))) {
    const known = files.get(file);
    files.set(file, { names: [...(known?.names ?? []), ...names], ms: Math.max(known?.ms ?? 0, ms) });
  }
  return files;
};

/** Notes that a test in `file` killed a mutant (both test runners append to the same record). */
exports.recordKill = (rootDir, file) => appendFileSync(killsPath(rootDir), `${JSON.stringify(file)}\n`);

/** How many mutants each test file has killed so far in this run. */
exports.recordedKills = (rootDir) => {
  const kills = new Map();
  for (const file of records(killsPath(rootDir))) kills.set(file, (kills.get(file) ?? 0) + 1);
  return kills;
};

/**
 * Once a test fails with a mutant active, the mutant is killed: the rest of the run is skipped.
 * Kept on the process's global object: Stryker loads the environment from the project and Jest
 * loads the sequencer from Stryker's sandbox copy, two instances of this module.
 */
const run = (globalThis[Symbol.for('newsroom.mutation-run')] ??= { failed: false });
exports.startRun = () => {
  run.failed = false;
};
exports.failRun = () => {
  run.failed = true;
};
exports.runFailed = () => run.failed;
