// Prints the results of Jest (and of Playwright runs, when given) as one
// closing line, "N passed, N failed, N skipped", so a reader of the log (and
// CI) sees the outcome without scrolling.
//   node scripts/print-test-summary.js <jest.json> [playwright.json...]
const fs = require('node:fs');

function readJson(file, what) {
  if (!file || !fs.existsSync(file) || fs.statSync(file).size === 0) {
    console.error(`no ${what} results at ${file}: the runner did not finish`);
    return undefined;
  }
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`unreadable ${what} results at ${file}: ${e.message}`);
    return undefined;
  }
}

const total = { passed: 0, failed: 0, skipped: 0 };

const jest = readJson(process.argv[2], 'Jest');
if (jest) {
  // A suite that could not even load has no failing test of its own: count it once.
  const brokenSuites = jest.testResults.filter(
    s =>
      s.status === 'failed' &&
      s.assertionResults.every(a => a.status !== 'failed'),
  );
  for (const suite of brokenSuites) {
    console.error(`suite failed to run: ${suite.name}`);
  }
  total.passed += jest.numPassedTests;
  total.failed += jest.numFailedTests + brokenSuites.length;
  total.skipped += jest.numPendingTests + jest.numTodoTests;
} else {
  total.failed += 1;
}

for (const file of process.argv.slice(3)) {
  const playwright = readJson(file, 'Playwright');
  if (playwright?.stats) {
    const s = playwright.stats;
    total.passed += s.expected + s.flaky;
    total.failed += s.unexpected + (playwright.errors?.length ?? 0);
    total.skipped += s.skipped;
  } else {
    total.failed += 1;
  }
}

console.log(
  `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`,
);
