import { statSync } from 'node:fs';
import Sequencer from '@jest/test-sequencer';

/**
 * Jest orders files by the durations it cached on earlier runs; a fresh clone has none, and
 * its fallback (file size) can leave a 15-second end-to-end file for last on 2 workers.
 * Without cached durations, end-to-end, command-line and infrastructure files (each starts servers or
 * synthesizes stacks) go first, then integration, then unit files, larger first.
 */
const weight = (path) => (/[\\/]tests[\\/](e2e|infra|cli)[\\/]/.test(path) ? 2 : /[\\/]tests[\\/]integration[\\/]/.test(path) ? 1 : 0);

/** Checks the responses every other file received (tests/e2e/openapi-contract.test.ts): it goes last. */
const CONTRACT = /[\\/]tests[\\/]e2e[\\/]openapi-contract\.test\.ts$/;

export default class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = this.order(tests);
    const ordered = [...sorted.filter((t) => !CONTRACT.test(t.path)), ...sorted.filter((t) => CONTRACT.test(t.path))];
    // The workers, started after this, inherit the list: the contract test waits for every file in it.
    process.env.NEWSROOM_TEST_FILES = JSON.stringify(ordered.map((t) => t.path));
    return ordered;
  }

  order(tests) {
    const timed = tests.every((test) => this._getCache(test)[test.path]?.[1] !== undefined);
    if (timed) return super.sort(tests);
    return [...tests].sort((a, b) => weight(b.path) - weight(a.path) || statSync(b.path).size - statSync(a.path).size);
  }
}
