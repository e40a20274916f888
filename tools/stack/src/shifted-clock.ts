// The date-bomb guard: the suites whose answers depend on "today" (the pure domain, the notifier's
// templates, the web app's components) run a second time with the whole process's clock moved
// ahead by Debian's faketime (libfaketime shifts every clock Node reads, Intl's included). A test
// that hard-codes a date which is "next week" today fails here now, not on its own in a month.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { say } from './log.ts';
import { root } from './paths.ts';

/** The projects `--projects=a,b` (or `-p a,b`) names among Nx's arguments; null for all. */
export function selectedProjects(nxArgs: string[]): string[] | null {
  const i = nxArgs.findIndex((arg) => /^(--projects|-p)(=|$)/.test(arg));
  if (i < 0) return null;
  const value = nxArgs[i]!.includes('=') ? nxArgs[i]!.split('=')[1]! : (nxArgs[i + 1] ?? '');
  return value.split(',').filter(Boolean);
}

/** How far ahead: past a year, so that "next spring's DST change" and "next month" both move on. */
export const CLOCK_SHIFT = '+400d';

/** Each project's folder and the test paths of it that must hold on any date (all when empty). */
const SUITES: { project: string; dir: string; paths: string[] }[] = [
  { project: '@rhythm/domain', dir: 'libs/domain', paths: [] },
  { project: '@rhythm/notifier', dir: 'services/notifier', paths: ['src/templates'] },
  { project: '@rhythm/web', dir: 'services/web', paths: [] },
];

/**
 * Runs the suites under the shifted clock, one after the other (only those of `projects` when
 * `./rhythm test --projects=…` named some); resolves true when all passed.
 */
export async function shiftedClockRun(
  faketime: string,
  env: NodeJS.ProcessEnv,
  projects: string[] | null,
): Promise<boolean> {
  const suites = SUITES.filter((suite) => !projects || projects.includes(suite.project));
  if (suites.length === 0) return true;
  say(`running the date-sensitive suites again with the clock ${CLOCK_SHIFT} (faketime)…`);
  let ok = true;
  for (const suite of suites) {
    const code = await new Promise<number>((resolve) => {
      const child = spawn(
        faketime,
        [
          '-f',
          CLOCK_SHIFT,
          process.execPath,
          '--experimental-vm-modules',
          '--disable-warning=ExperimentalWarning',
          path.join(root, 'node_modules/jest/bin/jest.js'),
          '--ci',
          ...suite.paths,
        ],
        {
          cwd: path.join(root, suite.dir),
          stdio: 'inherit',
          env: { ...env, RHYTHM_CLOCK_SHIFT: CLOCK_SHIFT },
        },
      );
      child.once('exit', (exitCode) => resolve(exitCode ?? 1));
    });
    if (code !== 0)
      say(`${suite.project} failed with the clock ${CLOCK_SHIFT}: a test depends on today's date.`);
    ok &&= code === 0;
  }
  return ok;
}
