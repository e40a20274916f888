// One lint config for the whole monorepo. Its main job beyond style: fence the workflow sandbox.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The files of services/workflows that the workflow bundle includes: followed from its entry
 * through relative imports (type-only imports are erased, so not followed). Derived, not named:
 * a new helper of the workflow is fenced the day it is imported. workflow-fence.test.ts checks
 * this list against the bundle webpack really builds.
 */
function workflowBundleFiles(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(
      /^(?:import|export)(?!\s+type\b)[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm,
    ))
      visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
  };
  visit(path.join(root, entry));
  return [...seen].map((file) => path.relative(root, file));
}

// Code that runs inside Temporal's deterministic workflow sandbox (the bundle's files and the pure
// domain lib they import) must not reach for I/O, clocks or Node: the bundler would refuse it, or
// worse, replay would diverge.
export const workflowSafeFiles = [
  'libs/domain/src/**/*.ts',
  ...workflowBundleFiles('services/workflows/src/workflows.ts'),
];
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const forbiddenInWorkflows = [
  'node:*',
  '@mikro-orm/*',
  'pg',
  'resend',
  'pino',
  '@temporalio/activity',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/testing',
  '@rhythm/persistence',
  '@rhythm/platform',
  '@rhythm/testing',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.tools/**', '.data/**', '.nx/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Services talk to libs through their public entry, never their internals.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@rhythm/*/src/*', '@rhythm/*/dist/*'],
              message: 'Import the package entry, not its internals.',
            },
          ],
        },
      ],
    },
  },
  {
    files: workflowSafeFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'No Node built-ins in the workflow sandbox.',
          })),
          patterns: [
            {
              group: forbiddenInWorkflows,
              message:
                'Workflow code runs in the deterministic sandbox: no Node built-ins, I/O clients or non-workflow Temporal packages.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Workflow code never reads the environment.' },
        { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() from @temporalio/workflow.' },
      ],
    },
  },
  // A promise nobody awaits loses its failure: an email step, a signal or a write that failed
  // silently is exactly what Rhythm must never do. Type-aware, so it reads each package's tsconfig.
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  // The web app: React's rules of hooks (and the React Compiler's checks that come with them).
  {
    files: ['services/web/src/**/*.{ts,tsx}', 'services/web/test/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
);
