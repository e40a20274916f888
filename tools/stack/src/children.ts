// Child processes of the stack: each in its own process group, so that Ctrl-C reaches only the
// orchestrator, which then stops them in order (services, then Temporal, then PostgreSQL) and
// leaves nothing behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves with the exit code (or the signal's name) when the process has ended. */
  readonly exited: Promise<number | string>;
  alive(): boolean;
}

export interface LaunchOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Print the child's output, each line prefixed with its name (default true). */
  echo?: boolean;
  /** Called with each line of output (for readiness checks). */
  onLine?: (line: string) => void;
  /** Run as this user (PostgreSQL refuses to run as root). */
  user?: { uid: number; gid: number };
}

export function launch(name: string, command: string, args: string[], options: LaunchOptions = {}): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...options.user,
  });
  let running = true;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      running = false;
      process.stderr.write(`${name.padEnd(10)}| could not start ${command}: ${error.message}\n`);
      resolve('error');
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      options.onLine?.(line);
      if (options.echo !== false) process.stdout.write(`${name.padEnd(10)}| ${line}\n`);
    });
  }
  return { name, process: child, exited, alive: () => running };
}

/** SIGTERM to the child's whole group, then SIGKILL if it has not ended within the grace period. */
export async function stop(child: Child, graceMs = 10_000): Promise<void> {
  if (!child.alive() || child.process.pid === undefined) return;
  const group = -child.process.pid;
  signalGroup(group, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(group, 'SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
  // Anything the child left in its group (grandchildren) goes too.
  signalGroup(group, 'SIGKILL');
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch {
    // Already gone.
  }
}
