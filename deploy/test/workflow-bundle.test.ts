// The workflow bundle the workflows image prebuilds (deploy/scripts/bundle-workflows.mjs, run the
// way its Dockerfile runs it) is the real workflow code: it replays every recorded session history
// (services/workflows/test/histories) without non-determinism, loaded as the worker loads it in
// the image (workflowBundle.codePath).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './tools.js';

const exec = promisify(execFile);
const historiesDir = path.join(repoRoot, 'services/workflows/test/histories');

// Replays in a Node process of its own: under Jest's module registry the SDK's protobuf classes
// come in two copies and history decoding fails (see services/workflows/test/replay.test.ts).
const replayWithBundle = `
import { Worker } from '@temporalio/worker';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
const [codePath, dir] = process.argv.slice(1);
const histories = readdirSync(dir).filter((file) => file.endsWith('.json')).sort()
  .map((file) => ({ workflowId: file, history: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) }));
const failed = [];
for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath }, replayName: 'bundle-check' }, histories)) {
  if (result.error) failed.push(result.workflowId + ': ' + result.error.message);
}
process.stdout.write(JSON.stringify({ replayed: histories.length, failed }));
`;

describe('the prebuilt workflow bundle', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rhythm-bundle-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds from services/workflows/dist and replays every recorded history', async () => {
    const built = path.join(repoRoot, 'services/workflows/dist/worker.js');
    if (!existsSync(built))
      throw new Error(
        'services/workflows is not built: npx nx run @rhythm/workflows:build (./rhythm test builds first)',
      );
    const bundle = path.join(dir, 'workflow-bundle.js');
    await exec(process.execPath, ['deploy/scripts/bundle-workflows.mjs', bundle], { cwd: repoRoot });
    expect(statSync(bundle).size).toBeGreaterThan(100_000);

    const { stdout } = await exec(
      process.execPath,
      ['--input-type=module', '--eval', replayWithBundle, bundle, historiesDir],
      {
        cwd: repoRoot,
        maxBuffer: 16 << 20,
      },
    );
    const fixtures = readdirSync(historiesDir).filter((file) => file.endsWith('.json'));
    expect(fixtures.length).toBeGreaterThan(0);
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ replayed: fixtures.length, failed: [] });
  });
});
