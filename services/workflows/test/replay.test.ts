// Replays every committed history (test/histories, recorded from the scenarios of
// session-*.workflow.test.ts with RECORD_HISTORIES=1) with the built workflow code, through the
// same replay tool ops run before a deploy: a change that would make a running session's
// workflow non-deterministic fails here. (It runs as its own Node process: under Jest's module
// registry the SDK's protobuf classes come in two copies and history decoding fails.)
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { historiesDir } from './support/histories.js';

const replayScript = path.resolve(fileURLToPath(import.meta.url), '../../dist/replay.js');

describe('replay of recorded session workflow histories', () => {
  it('replays every fixture without non-determinism', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [replayScript, historiesDir]);
    const lines = stdout.trim().split('\n');
    const fixtures = readdirSync(historiesDir).filter((file) => file.endsWith('.json'));
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    expect(lines.filter((line) => line.startsWith('ok'))).toHaveLength(fixtures.length);
    expect(lines.at(-1)).toBe(`replayed ${fixtures.length} histories, 0 failed`);
  });
});
