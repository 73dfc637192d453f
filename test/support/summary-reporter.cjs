// CI reads the closing line `N passed, N failed, N skipped`. Jest's own summary is written
// after custom reporters run, so print ours when the process exits to make it the last line.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    process.once('exit', () => {
      process.stderr.write('\n');
      process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    });
  }
}
module.exports = SummaryReporter;
