// Recorded workflow histories, kept as fixtures so that every change to workflow code is replayed
// against the histories of workflows that may be running in production (replay.test.ts).
import { requireEnv } from '@rhythm/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The fixtures sit beside the tests (test/histories), one folder up from this helper.
export const historiesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../histories');

/**
 * Saves each workflow's history as the Temporal CLI prints it (`temporal workflow show -o json`),
 * the format ops would export from production and `historyFromJSON` reads.
 */
export async function recordHistories(
  scenario: string,
  handles: WorkflowHandle[],
  address: string,
): Promise<void> {
  mkdirSync(historiesDir, { recursive: true });
  const slug = scenario
    .toLowerCase()
    .replace(/^session workflow /, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  for (const [index, handle] of handles.entries()) {
    const json = execFileSync(requireEnv('TEMPORAL_CLI_PATH'), [
      'workflow',
      'show',
      '--workflow-id',
      handle.workflowId,
      '--address',
      address,
      '--output',
      'json',
    ]);
    // RECORD_HISTORIES=v2 (etc.) after a versioned workflow change: old fixtures stay and replay.
    const version = process.env.RECORD_HISTORIES === '1' ? 'v1' : process.env.RECORD_HISTORIES;
    const name = `${version}-${slug}${index ? `-${index + 1}` : ''}.json`;
    writeFileSync(path.join(historiesDir, name), JSON.stringify(JSON.parse(json.toString()), null, 1) + '\n');
  }
}

/**
 * The fixtures as parsed JSON; the replay worker converts them itself (converting here, under
 * Jest's module registry, would make protobuf objects of a copy the worker does not accept).
 */
export function loadHistories(): { workflowId: string; file: string; history: unknown }[] {
  return readdirSync(historiesDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      file,
      history: JSON.parse(readFileSync(path.join(historiesDir, file), 'utf8')) as unknown,
    }));
}
