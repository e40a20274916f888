// The command-line tools the checks run, found the way tools/setup/deploy-tools.sh provides them:
// an override in the environment, then .tools/bin, then the PATH. Missing ones fail the check with
// what to run, never skip it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../..');
const toolsBin = path.join(repoRoot, '.tools/bin');
const provision = 'run tools/setup/deploy-tools.sh (./rhythm test does)';

/** A command and the arguments that always come first (`docker compose`, `kubectl kustomize`). */
export interface Tool {
  command: string;
  prefix: string[];
}

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(
  tool: Tool,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Result {
  const result = spawnSync(tool.command, [...tool.prefix, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs and returns stdout; a non-zero exit fails with the tool's own message. */
export function runOk(
  tool: Tool,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): string {
  const result = run(tool, args, options);
  if (result.status !== 0) {
    throw new Error(
      `${[tool.command, ...tool.prefix, ...args].join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`,
    );
  }
  return result.stdout;
}

function works(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

function onPath(name: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function provided(envVar: string, name: string): string | null {
  const override = process.env[envVar];
  if (override) return override;
  const local = path.join(toolsBin, name);
  return existsSync(local) ? local : onPath(name);
}

/** Docker Compose: RHYTHM_DOCKER_COMPOSE, a `docker compose` plugin, or docker-compose. */
export function dockerCompose(): Tool {
  const override = process.env.RHYTHM_DOCKER_COMPOSE;
  if (override) return { command: override, prefix: [] };
  if (onPath('docker') && works('docker', ['compose', 'version']))
    return { command: 'docker', prefix: ['compose'] };
  const standalone = provided('RHYTHM_DOCKER_COMPOSE', 'docker-compose');
  if (standalone) return { command: standalone, prefix: [] };
  throw new Error(`no Docker Compose to validate docker-compose.yml: ${provision}`);
}

/** kustomize: RHYTHM_KUSTOMIZE or .tools/bin/kustomize (`kustomize build`), else `kubectl kustomize`. */
export function kustomize(): Tool {
  const standalone = provided('RHYTHM_KUSTOMIZE', 'kustomize');
  if (standalone) return { command: standalone, prefix: ['build'] };
  const kubectl = onPath('kubectl');
  if (kubectl && works(kubectl, ['kustomize', '--help'])) return { command: kubectl, prefix: ['kustomize'] };
  throw new Error(`no kustomize and no kubectl to build deploy/kubernetes: ${provision}`);
}

export function hadolint(): Tool {
  const binary = provided('RHYTHM_HADOLINT', 'hadolint');
  if (binary) return { command: binary, prefix: [] };
  throw new Error(`no hadolint to lint the Dockerfiles: ${provision}`);
}
