// Writes each project's counts to reports/jest/<package>.json so that ./rhythm test can close with
// one "N passed, N failed" line for the whole monorepo (and Nx can restore it from its cache).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default class ResultsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const { name } = JSON.parse(readFileSync(path.join(this.rootDir, 'package.json'), 'utf8'));
    const file = path.resolve(this.rootDir, '../../reports/jest', `${name}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    writeFileSync(file, JSON.stringify(counts) + '\n');
  }
}
