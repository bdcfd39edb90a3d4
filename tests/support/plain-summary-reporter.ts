import type { Reporter } from 'vitest/node';

type Task = { type: string; mode?: string; result?: { state?: string }; tasks?: Task[] };

/**
 * Ends every run with one plain line, "N passed, N failed", that any CI log reader
 * understands. A file that failed to load counts as a failure.
 */
export default class PlainSummaryReporter implements Reporter {
  onFinished(files: Task[] = [], errors: unknown[] = []): void {
    const count = { passed: 0, failed: errors.length, skipped: 0 };
    const walk = (task: Task) => {
      if (task.type === 'test') {
        if (task.result?.state === 'pass') count.passed++;
        else if (task.result?.state === 'fail') count.failed++;
        else count.skipped++;
      }
      task.tasks?.forEach(walk);
    };
    for (const file of files) {
      if (file.result?.state === 'fail' && !file.tasks?.length) count.failed++;
      walk(file);
    }
    process.stdout.write(`\n${count.passed} passed, ${count.failed} failed${count.skipped ? `, ${count.skipped} skipped` : ''}\n`);
  }
}
