import { relative } from 'node:path';

/**
 * Jest's only reporter here: one line per test file as it finishes ("PASS tests/unit/x.test.ts
 * 12 tests 1.4 s"), the whole failure for a file that fails, then the totals and one plain line,
 * "N passed, N failed", that any CI log reader understands. `--verbose` adds a line per test.
 * What a test logs is shown only when its file fails (or with `--verbose`), except `console.info`,
 * which a test uses for what it means to show on every run (the model test's random seed).
 * A test file that failed to load counts as a failure. The plain line is written as the process
 * exits, so it comes after anything Jest itself still prints and stays the last line.
 */
export default class PlainSummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.verbose = globalConfig.verbose === true;
  }

  onTestFileResult(test, result) {
    const path = relative(this.rootDir, result.testFilePath);
    const failed = result.numFailingTests > 0 || result.testExecError !== undefined || Boolean(result.failureMessage);
    const seconds = ((result.perfStats.end - result.perfStats.start) / 1000).toFixed(1);
    const counts = [
      `${result.numPassingTests} passed`,
      result.numFailingTests ? `${result.numFailingTests} failed` : '',
      result.numPendingTests + result.numTodoTests ? `${result.numPendingTests + result.numTodoTests} skipped` : '',
    ].filter(Boolean);
    const lines = [`${failed ? 'FAIL' : 'PASS'} ${path}  ${counts.join(', ')}  ${seconds} s`];
    for (const entry of result.console ?? []) {
      if (failed || this.verbose || entry.type === 'info') lines.push(...entry.message.split('\n').map((l) => `  ${entry.type}: ${l}`));
    }
    if (this.verbose) {
      for (const t of result.testResults) {
        const mark = t.status === 'passed' ? '✓' : t.status === 'failed' ? '✕' : '○';
        lines.push(`  ${mark} ${[...t.ancestorTitles, t.title].join(' › ')}${t.duration ? ` (${t.duration} ms)` : ''}`);
      }
    }
    if (failed) lines.push('', result.failureMessage ?? result.testExecError?.message ?? '', '');
    process.stdout.write(`${lines.join('\n')}\n`);
  }

  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const seconds = Math.round((Date.now() - results.startTime) / 1000);
    const files = `${results.numPassedTestSuites} passed${results.numFailedTestSuites ? `, ${results.numFailedTestSuites} failed` : ''}`;
    process.stdout.write(`\nTest files: ${files}, of ${results.numTotalTestSuites}; ${seconds} s\n`);
    if (results.numFailedTestSuites)
      process.stdout.write(
        `Failed: ${results.testResults
          .filter((r) => r.numFailingTests > 0 || r.testExecError)
          .map((r) => relative(this.rootDir, r.testFilePath))
          .join(', ')}\n`,
      );
    const line = `${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
