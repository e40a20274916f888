// The built notifier (dist/main.js) as a child process, configured as in production by the
// environment: Resend through the local server, its own task queue on the test's Temporal server.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { requireEnv } from '@rhythm/testing';
import { API_KEY, FROM, LINKS, type Harness } from './harness.js';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** Starts it and resolves once it polls; `output()` is everything it printed so far. */
export async function startNotifierProcess(
  h: Harness,
  taskQueue: string,
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'info',
      DATABASE_URL: h.database.url,
      TEMPORAL_ADDRESS: requireEnv('TEMPORAL_ADDRESS'),
      RESEND_API_KEY: API_KEY,
      RESEND_BASE_URL: h.resendServer.url,
      NOTIFIER_TASK_QUEUE: taskQueue,
      EMAIL_FROM: FROM,
      WEB_BASE_URL: LINKS.web,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the notifier did not start polling within 30 s:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('rhythm-notifier polling')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`the notifier exited (${code}) before polling:\n${output}`)),
    );
  });
  return { child, output: () => output };
}
