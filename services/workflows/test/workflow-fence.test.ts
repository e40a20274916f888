// The lint fence around workflow code: what the bundler or replay would only reveal at run time
// (I/O, Node built-ins, non-deterministic clients) is an error in the editor and in CI. The fence
// covers exactly the files the workflow bundle includes (eslint.config.js follows the imports);
// the last test checks that against the bundle webpack builds.
import { bundleWorkflowCode } from '@temporalio/worker';
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(import.meta.url), '../../../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

const forbidden = `
import fs from 'node:fs';
import { createHash } from 'crypto';
import { MikroORM } from '@mikro-orm/core';
import { Resend } from 'resend';
import pg from 'pg';
import { Client } from '@temporalio/client';
import { Context } from '@temporalio/activity';
import { Worker } from '@temporalio/worker';
import { connectOrm } from '@rhythm/persistence';
export const all = [fs, createHash, MikroORM, Resend, pg, Client, Context, Worker, connectOrm, process.env];
`;

const allowed = `
import { sleep } from '@temporalio/workflow';
import { planNext } from '@rhythm/domain';
import { z } from 'zod';
export const all = [sleep, planNext, z];
`;

describe('the workflow sandbox fence', () => {
  it.each([
    'services/workflows/src/sessions/session.workflow.ts',
    'services/workflows/src/sessions/session-state.ts',
    'services/workflows/src/workflows.ts',
    'libs/domain/src/schedule.ts',
  ])('rejects I/O, Node built-ins and non-workflow Temporal packages in %s', async (file) => {
    const messages = await restrictedImports(file, forbidden);
    expect(messages).toHaveLength(10);
  });

  it('allows the workflow API, the domain lib and zod', async () => {
    expect(await restrictedImports('services/workflows/src/sessions/session-sends.ts', allowed)).toEqual([]);
  });

  it('does not fence activity code', async () => {
    expect(
      await restrictedImports('services/workflows/src/sessions/session.activities.ts', forbidden),
    ).toEqual([]);
  });

  it('fences every source file the workflow bundle includes', async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: path.join(root, 'services/workflows/src/workflows.ts'),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    });
    const bundled = [...new Set([...code.matchAll(/"\.\/(src\/[^"]+\.ts)"/g)].map((m) => m[1]!))];
    expect(bundled).toEqual(
      expect.arrayContaining(['src/sessions/session.workflow.ts', 'src/sessions/session-state.ts']),
    );
    for (const file of bundled) {
      expect([file, (await restrictedImports(`services/workflows/${file}`, forbidden)).length]).toEqual([
        file,
        10,
      ]);
    }
  }, 60_000);
});
