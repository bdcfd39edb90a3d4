/**
 * Ends every run with one plain line, "N passed, N failed", that any CI log reader
 * understands. A test file that failed to load counts as a failure. The line is written
 * as the process exits, so it comes after Jest's own summary and stays the last line.
 */
export default class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
