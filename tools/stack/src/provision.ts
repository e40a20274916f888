// Provisioning steps. Most live in shell scripts (tools/setup/*.sh): each is idempotent, prints its
// own progress on stderr and the path of what it provides on stdout. Chromium and faketime are
// Debian packages.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { root, toolsDir } from './paths.ts';
import { StackError, elapsed, say } from './log.ts';

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
    const { code, message } = error as { code?: number | string; message?: string };
    // The script printed why on stderr (above); say which step it was and how to go on.
    const why =
      typeof code === 'number'
        ? `exit code ${code}; its reason is above`
        : (code ?? message ?? String(error));
    throw new StackError(
      `could not provide ${what}: tools/setup/${name} failed (${why}). Fix that, then run ./rhythm setup again.`,
    );
  }
}

export async function temporalCli(): Promise<string> {
  const cli = await setupScript('temporal-cli.sh', 'the Temporal CLI');
  say(`Temporal CLI: ${path.relative(root, cli) || cli}`);
  return cli;
}

/** temporal-server and temporal-sql-tool, for Temporal on PostgreSQL; resolves with their folder. */
export async function temporalServerTools(): Promise<string> {
  const dir = await setupScript('temporal-server.sh', 'the Temporal server for Temporal on PostgreSQL');
  say(`Temporal server: ${path.relative(root, dir) || dir}`);
  return dir;
}

/**
 * The CLI, then the server: one after the other, since the CLI's Go build leaves part of the
 * server's packages compiled in Go's cache, rather than two Go builds fighting over two cores.
 */
export async function temporalCliAndServer(): Promise<{ cli: string; serverTools: string }> {
  const cli = await temporalCli();
  return { cli, serverTools: await temporalServerTools() };
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

interface DebianTool {
  what: string;
  why: string;
  pkg: string;
  candidates: string[];
  /** A variable that names another binary instead (checked, never installed). */
  envVar?: string;
}

const CHROMIUM: DebianTool = {
  what: 'Chromium',
  why: 'the end-to-end tests drive it; CHROMIUM_PATH names another',
  pkg: 'chromium',
  candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
  envVar: 'CHROMIUM_PATH',
};
const FAKETIME: DebianTool = {
  what: 'faketime',
  why: 'the shifted-clock run of the pure and component tests needs it',
  pkg: 'faketime',
  candidates: ['/usr/bin/faketime'],
};

/**
 * Chromium (end-to-end tests) and faketime (the shifted-clock run) from Debian, installed with one
 * apt run when missing; resolves with their paths in that order.
 */
export async function debianTools(): Promise<{ chromium: string; faketime: string }> {
  const tools = [CHROMIUM, FAKETIME];
  const found = tools.map(existing);
  const missing = tools.filter((_, i) => found[i] === undefined);
  if (missing.length) {
    const started = Date.now();
    await aptInstall(missing);
    for (const tool of missing) {
      const installed = existing(tool);
      if (!installed)
        throw new StackError(`apt-get installed ${tool.pkg}, but none of ${tool.candidates} exists.`);
      found[tools.indexOf(tool)] = installed;
    }
    say(`installed ${missing.map((tool) => tool.pkg).join(', ')} in ${elapsed(started)}`);
  }
  tools.forEach((tool, i) => say(`${tool.what}: ${found[i]}`));
  return { chromium: found[0]!, faketime: found[1]! };
}

function existing(tool: DebianTool): string | undefined {
  const configured = tool.envVar ? process.env[tool.envVar] : undefined;
  if (configured) {
    if (!existsSync(configured))
      throw new StackError(`${tool.envVar} is ${configured}, which does not exist: fix or unset it.`);
    return configured;
  }
  return tool.candidates.find((candidate) => existsSync(candidate));
}

async function aptInstall(tools: DebianTool[]): Promise<void> {
  const pkgs = tools.map((tool) => tool.pkg);
  const command = `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
  const missing = `${tools.map((tool) => `${tool.what} is missing (${tool.why})`).join('; ')}`;
  if (!(await succeeds('apt-get', ['--version'])))
    throw new StackError(
      `${missing}, and there is no apt-get to install Debian's: install ${pkgs.join(', ')}.`,
    );
  let asRoot: string[] = [];
  if (process.getuid?.() !== 0) {
    if (!(await succeeds('sudo', ['-n', 'true'])))
      throw new StackError(`${missing}, and installing it needs root: run \`sudo sh -c '${command}'\`.`);
    asRoot = ['sudo', '-n'];
  }
  say(`installing ${pkgs.join(', ')} from Debian (apt, first run only)…`);
  // The lock timeout makes a concurrent apt (another run, the deploy tools) a wait, not a failure.
  const aptGet = [
    ...asRoot,
    'env',
    'DEBIAN_FRONTEND=noninteractive',
    'apt-get',
    '-q',
    '-o',
    'DPkg::Lock::Timeout=600',
  ];
  const apt = (...args: string[]) => run(aptGet[0]!, [...aptGet.slice(1), ...args], { maxBuffer: 16 << 20 });
  try {
    await apt('update');
    await apt('install', '-y', '--no-install-recommends', ...pkgs);
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    const why = (stderr?.trim() || message).split('\n').slice(-3).join(' | ');
    throw new StackError(
      `apt-get could not install ${pkgs.join(', ')} (${why}); run \`${command}\` as root.`,
    );
  }
}

function succeeds(command: string, args: string[]): Promise<boolean> {
  return run(command, args).then(
    () => true,
    () => false,
  );
}
