import { statSync } from 'node:fs';
import Sequencer from '@jest/test-sequencer';

/**
 * Jest orders files by the durations it cached on earlier runs; a fresh clone has none, and
 * its fallback (file size) can leave a 15-second end-to-end file for last on 2 workers.
 * Without cached durations, end-to-end and infrastructure files (each starts servers or
 * synthesizes stacks) go first, then integration, then unit files, larger first.
 */
const weight = (path) => (/[\\/]tests[\\/](e2e|infra)[\\/]/.test(path) ? 2 : /[\\/]tests[\\/]integration[\\/]/.test(path) ? 1 : 0);

export default class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const timed = tests.every((test) => this._getCache(test)[test.path]?.[1] !== undefined);
    if (timed) return super.sort(tests);
    return [...tests].sort((a, b) => weight(b.path) - weight(a.path) || statSync(b.path).size - statSync(a.path).size);
  }
}
