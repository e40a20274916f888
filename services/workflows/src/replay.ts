// Replays exported workflow histories against this build's workflow code:
//   node services/workflows/dist/replay.js <folder or .json files…>
// The histories are JSON as `temporal workflow show --output json` prints them. Run it before a
// deploy with histories of live workflows: a non-zero exit means the new code would fail them.
import { Worker } from '@temporalio/worker';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { workflowsPath } from './worker.js';

function historyFiles(args: string[]): string[] {
  return args.flatMap((arg) =>
    statSync(arg).isDirectory()
      ? readdirSync(arg)
          .filter((file) => file.endsWith('.json'))
          .sort()
          .map((file) => path.join(arg, file))
      : [arg],
  );
}

const files = historyFiles(process.argv.slice(2));
if (files.length === 0) {
  process.stderr.write('usage: replay.js <folder or history .json files…>\n');
  process.exit(2);
}
const histories = files.map((file) => ({
  workflowId: path.basename(file, '.json'),
  history: JSON.parse(readFileSync(file, 'utf8')) as unknown,
}));
let failed = 0;
for await (const result of Worker.runReplayHistories(
  { workflowsPath, replayName: 'rhythm-replay' },
  histories,
)) {
  if (result.error) failed++;
  process.stdout.write(
    `${result.error ? 'FAIL' : 'ok  '} ${result.workflowId}${result.error ? `: ${result.error.message}` : ''}\n`,
  );
}
process.stdout.write(`replayed ${histories.length} histories, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
