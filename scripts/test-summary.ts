/**
 * One line for the whole test run, from the JSON reports of Vitest and Playwright:
 *
 *   123 passed, 0 failed, 2 skipped
 *
 * `npm test` runs this last: `tsx scripts/test-summary.ts --status $?` prints what each report says
 * is missing or failed, then the summary line (always the last line), and exits non-zero when the
 * test commands failed (`--status`), any test failed, or a report is missing.
 *   --clean   removes the reports (before a run, so a stale report is never counted)
 *   --quiet   prints the summary line only
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const reports = {
  vitest: `${root}test-results/vitest.json`,
  playwright: `${root}test-results/playwright.json`,
};

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors: { message?: string }[];
}

/** A test file that failed without any failed test (it did not load, or a hook failed) counts as one failure. */
function countVitest(report: VitestReport): Counts & { notes: string[] } {
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed'),
  );
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles.length,
    skipped: report.numPendingTests + report.numTodoTests,
    notes: brokenFiles.map((f) => `unit tests: ${f.name} failed to run: ${(f.message ?? '').split('\n')[0]}`),
  };
}

/** Errors outside any test (the server did not start, a spec did not load) count as failures. */
function countPlaywright(report: PlaywrightReport): Counts & { notes: string[] } {
  const errors = report.errors ?? [];
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + errors.length,
    skipped: report.stats.skipped,
    notes: errors.map((e) => `browser tests: ${(e.message ?? 'error').split('\n')[0]}`),
  };
}

function summaryLine(counts: Counts): string {
  const line = `${counts.passed} passed, ${counts.failed} failed`;
  return counts.skipped > 0 ? `${line}, ${counts.skipped} skipped` : line;
}

function main(argv: string[]): number {
  if (argv.includes('--clean')) {
    for (const file of Object.values(reports)) rmSync(file, { force: true });
    return 0;
  }
  const quiet = argv.includes('--quiet');
  const statusIndex = argv.indexOf('--status');
  const status = statusIndex >= 0 ? Number(argv[statusIndex + 1] ?? 1) : 0;

  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const notes: string[] = [];
  let missing = false;
  const suites = [
    { name: 'unit tests (vitest)', file: reports.vitest, count: countVitest },
    { name: 'browser tests (playwright)', file: reports.playwright, count: countPlaywright },
  ] as const;
  for (const suite of suites) {
    if (!existsSync(suite.file)) {
      missing = true;
      notes.push(`${suite.name}: no results (${suite.file} is missing: the tests did not run or did not finish)`);
      continue;
    }
    let counts: Counts & { notes: string[] };
    try {
      counts = suite.count(JSON.parse(readFileSync(suite.file, 'utf8')));
    } catch (error) {
      missing = true;
      notes.push(`${suite.name}: unreadable results in ${suite.file}: ${(error as Error).message}`);
      continue;
    }
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    notes.push(...counts.notes);
  }
  if (!quiet) {
    console.log('');
    for (const note of notes) console.log(note);
  }
  console.log(summaryLine(total));
  return status !== 0 || total.failed > 0 || missing ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
