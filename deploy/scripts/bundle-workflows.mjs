// Prebuilds the sessions worker's workflow bundle at image build time, so the worker starts
// without webpack and every replica runs byte-identical workflow code. Run after the build:
//   node deploy/scripts/bundle-workflows.mjs [out-file]
// (default services/workflows/dist/workflow-bundle.js). The worker loads it when
// WORKFLOW_BUNDLE_PATH names the file (workflowBundle: { codePath }).
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(root, 'services/workflows/dist/workflow-bundle.js'));

// The same entry the worker bundles at start when no bundle is given: one source of truth.
const { workflowsPath } = await import(
  new URL('../../services/workflows/dist/worker.js', import.meta.url).href
);
const { code } = await bundleWorkflowCode({ workflowsPath, logger: quietLogger() });
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, code);
process.stderr.write(
  `workflow bundle: ${path.relative(process.cwd(), out)} (${Math.round(code.length / 1024)} KiB)\n`,
);

/** Webpack's progress lines are noise in a docker build log; warnings and errors still show. */
function quietLogger() {
  const shown = (level) => level === 'WARN' || level === 'ERROR';
  const log = (level, message, meta) => {
    if (shown(level)) process.stderr.write(`${level} ${message}${meta ? ` ${JSON.stringify(meta)}` : ''}\n`);
  };
  return {
    log,
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
