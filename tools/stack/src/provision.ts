// Provisioning steps that live in shell scripts (tools/setup/*.sh): each is idempotent, prints its
// own progress on stderr and the path of what it provides on stdout.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { root, toolsDir } from './paths.ts';
import { StackError, say } from './log.ts';

const run = promisify(execFile);

/** Runs tools/setup/<name>; resolves with the last line it printed on stdout (may be empty). */
async function setupScript(name: string, what: string): Promise<string> {
  const script = path.join(root, 'tools/setup', name);
  try {
    // stderr is inherited so progress lines ("building … first time only") show as they happen.
    const child = run(script, [], { maxBuffer: 1 << 20 });
    child.child.stderr?.pipe(process.stderr);
    const { stdout } = await child;
    return stdout.trim().split('\n').pop() ?? '';
  } catch (error) {
    throw new StackError(
      `could not provide ${what}: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
    );
  }
}

export async function temporalCli(): Promise<string> {
  const cli = await setupScript('temporal-cli.sh', 'the Temporal CLI');
  say(`Temporal CLI: ${path.relative(root, cli) || cli}`);
  return cli;
}

export async function temporalTestServer(): Promise<string> {
  await setupScript('test-server.sh', 'the Temporal test server');
  const launcher = path.join(toolsDir, 'temporal-test-server/bin/temporal-test-server');
  say(`Temporal test server: ${path.relative(root, launcher)}`);
  return launcher;
}

/** docker-compose, kustomize and hadolint for the deployment checks (deploy/test). */
export async function deployTools(): Promise<void> {
  await setupScript('deploy-tools.sh', 'the deployment check tools (docker-compose, kustomize, hadolint)');
}
