import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/**
 * Marks each test file as finished (in the run's directory, as tests/support/openapi-contract.ts
 * names it), whether it passed, failed or did not load, so that the contract test, which runs
 * last, checks the responses of every other file once all of them are in.
 */
export default class ContractProgressReporter {
  onTestFileResult(test) {
    const root = process.env.NEWSROOM_TEST_ROOT;
    if (!root) return;
    const dir = join(root, 'contract', 'finished');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, createHash('sha1').update(test.path).digest('hex')), test.path);
  }
}
