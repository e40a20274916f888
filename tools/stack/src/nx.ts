import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './paths.ts';

/** Runs Nx from the workspace with output passed through; resolves with its exit code. */
export function nx(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/nx'), args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
