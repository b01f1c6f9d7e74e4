// Prints Jest's JSON results as one closing line, "N passed, N failed, N skipped",
// so a reader of the log (and CI) sees the outcome without scrolling.
const fs = require('node:fs');

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error(`no test results at ${file}: the test runner did not finish`);
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
// A suite that could not even load has no failing test of its own: count it once.
const brokenSuites = results.testResults.filter(
  s => s.status === 'failed' && s.assertionResults.every(a => a.status !== 'failed'),
);
for (const suite of brokenSuites) {
  console.error(`suite failed to run: ${suite.name}`);
}
const failed = results.numFailedTests + brokenSuites.length;
console.log(
  `${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped`,
);
