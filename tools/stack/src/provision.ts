// Provisioning steps. Most live in shell scripts (tools/setup/*.sh): each is idempotent, prints its
// own progress on stderr and the path of what it provides on stdout. Chromium is one apt package.
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

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const CHROMIUM_INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium';

/** Chromium for the end-to-end tests: CHROMIUM_PATH, else Debian's package, installed when missing. */
export async function chromium(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured))
      throw new StackError(`CHROMIUM_PATH is ${configured}, which does not exist: fix or unset it.`);
    return configured;
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) {
    say(`Chromium: ${found}`);
    return found;
  }

  const started = Date.now();
  const asRoot = await rootPrefix();
  say('installing Chromium from Debian (apt, first run only)…');
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
    await apt('install', '-y', '--no-install-recommends', 'chromium');
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    const why = (stderr?.trim() || message).split('\n').slice(-3).join(' | ');
    throw new StackError(`apt-get could not install Chromium (${why}); run \`${CHROMIUM_INSTALL}\` as root.`);
  }
  const installed = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!installed)
    throw new StackError(`apt-get installed chromium, but none of ${CHROMIUM_CANDIDATES} exists.`);
  say(`Chromium: ${installed} (installed in ${elapsed(started)})`);
  return installed;
}

/** How to run apt as root: directly, or through passwordless sudo; otherwise what to run instead. */
async function rootPrefix(): Promise<string[]> {
  const missing = `Chromium is missing (the end-to-end tests need it; CHROMIUM_PATH names another)`;
  if (!(await succeeds('apt-get', ['--version'])))
    throw new StackError(`${missing}, and there is no apt-get to install Debian's: install Chromium.`);
  if (process.getuid?.() === 0) return [];
  if (await succeeds('sudo', ['-n', 'true'])) return ['sudo', '-n'];
  throw new StackError(`${missing}, and installing it needs root: run \`sudo sh -c '${CHROMIUM_INSTALL}'\`.`);
}

function succeeds(command: string, args: string[]): Promise<boolean> {
  return run(command, args).then(
    () => true,
    () => false,
  );
}
