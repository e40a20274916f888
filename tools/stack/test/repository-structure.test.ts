// The repository's shape, checked: source files stay short enough to read in one sitting, and no
// module imports itself back through others (an import circle makes load order matter and hides
// which module depends on which). Every TypeScript file counts, tests and benchmarks too; only generated
// files are not held to the size.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(import.meta.url), '../../../..');
const MAX_LINES = 250;
const GENERATED = new Set(['services/web/src/api/schema.d.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (['node_modules', 'dist', '.nx', '.data', '.tools', 'histories'].includes(name)) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const all = ['libs', 'services', 'tools', 'tests', 'bench', 'deploy'].flatMap((dir) =>
  sourceFiles(path.join(root, dir)),
);
const relative = (file: string) => path.relative(root, file);

/** The files a file imports by relative path (type-only imports included: a circle is a circle). */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:import|export)[^;'"]*?from\s+'(\.{1,2}\/[^']+)'/g)].flatMap(([, spec]) => {
    const base = path.resolve(path.dirname(file), spec!);
    const candidates = [
      base,
      base.replace(/\.js$/, '.ts'),
      base.replace(/\.js$/, '.tsx'),
      `${base}/index.ts`,
    ];
    const found = candidates.find((candidate) => all.includes(candidate));
    return found ? [found] : [];
  });
}

test(`no source file (code, tests, benchmarks) is over ${MAX_LINES} lines`, () => {
  const long = all
    .map(relative)
    .filter((file) => !GENERATED.has(file))
    .map((file) => [file, readFileSync(path.join(root, file), 'utf8').split('\n').length - 1] as const)
    .filter(([, lines]) => lines > MAX_LINES);
  expect(long).toEqual([]);
});

test('no import circle', () => {
  const graph = new Map(all.map((file) => [file, importsOf(file)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const circles: string[] = [];
  const visit = (file: string, trail: string[]) => {
    state.set(file, 'visiting');
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting')
        circles.push([...trail.slice(trail.indexOf(next)), file, next].map(relative).join(' → '));
      else if (!state.has(next)) visit(next, [...trail, file]);
    }
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file, []);
  expect(circles).toEqual([]);
  expect(graph.size).toBeGreaterThan(200); // The walk saw the repository, not an empty folder.
});
