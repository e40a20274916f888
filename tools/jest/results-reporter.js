// Writes each project's counts to reports/jest/<package>.json so that ./rhythm test can close with
// one "N passed, N failed" line for the whole monorepo (and Nx can restore it from its cache).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The workspace root: the nearest folder up from a project that holds nx.json. */
function workspaceRoot(from) {
  let dir = from;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}

const FIRST_LINES = 12;

/** Each failed test (or suite that did not run) as "file › test name" and the first lines of why. */
function failuresOf(results, rootDir) {
  const failures = [];
  for (const suite of results.testResults) {
    const file = path.relative(rootDir, suite.testFilePath);
    if (suite.testExecError) failures.push({ test: file, why: firstLines(suite.testExecError.message) });
    for (const test of suite.testResults) {
      if (test.status !== 'failed') continue;
      failures.push({ test: `${file} › ${test.fullName}`, why: firstLines(test.failureMessages.join('\n')) });
    }
  }
  return failures;
}

function firstLines(text) {
  // eslint-disable-next-line no-control-regex -- Jest colours its messages; the summary is plain.
  const plain = String(text).replace(/\u001b\[[0-9;]*m/g, '');
  return plain
    .split('\n')
    .filter((line) => line.trim())
    .slice(0, FIRST_LINES)
    .join('\n');
}

export default class ResultsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const { name } = JSON.parse(readFileSync(path.join(this.rootDir, 'package.json'), 'utf8'));
    // The shifted-clock run (RHYTHM_CLOCK_SHIFT, see tools/stack/src/shifted-clock.ts) counts apart.
    const run = process.env.RHYTHM_CLOCK_SHIFT ? `.clock${process.env.RHYTHM_CLOCK_SHIFT}` : '';
    const file = path.join(workspaceRoot(this.rootDir), 'reports/jest', `${name}${run}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      // What failed, kept short: CI shows only the tail of the output, where ./rhythm test repeats it.
      failures: failuresOf(results, this.rootDir),
    };
    writeFileSync(file, JSON.stringify(counts) + '\n');
  }
}
