// The environment variables the services read, and where they are documented. Read from source,
// not the built code, so that a new variable in a config schema shows up here at once.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './tools.js';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

/** Production source files of the services and the libs they run (libs/testing is test-only). */
function sourceFiles(): string[] {
  const roots = ['services', 'libs'].flatMap((group) =>
    readdirSync(path.join(repoRoot, group))
      .filter((name) => !(group === 'libs' && name === 'testing'))
      .map((name) => path.join(group, name, 'src')),
  );
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(path.join(repoRoot, dir))) return;
    for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(file);
    }
  };
  roots.forEach(walk);
  return files;
}

/**
 * Every variable the code reads, with the files that read it: the keys of the zod environment
 * schemas (UPPER_CASE keys in services/<name>/src/config.ts and libs/platform/src/config.ts) and
 * every process.env.NAME or process.env['NAME'] in the services' and libs' source.
 */
export function variablesReadByCode(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (name: string, file: string) =>
    found.set(name, [...new Set([...(found.get(name) ?? []), file])]);
  const configs = [
    ...readdirSync(path.join(repoRoot, 'services')).map((name) => `services/${name}/src/config.ts`),
    'libs/platform/src/config.ts',
  ].filter((file) => existsSync(path.join(repoRoot, file)));
  for (const file of configs) {
    for (const [, name] of read(file).matchAll(/^\s+([A-Z][A-Z0-9_]*)\s*:/gm)) add(name!, file);
  }
  for (const file of sourceFiles()) {
    for (const match of read(file).matchAll(
      /process\.env(?:\.([A-Z_][A-Z0-9_]*)|\[\s*['"]([A-Z_][A-Z0-9_]*)['"]\s*\])/g,
    )) {
      add((match[1] ?? match[2])!, file);
    }
  }
  return found;
}

/** The names in the first column of README.md's configuration table (`A`, `B` in one cell counts both). */
export function variablesInReadme(): Set<string> {
  const readme = read('README.md');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Configuration'));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const names = new Set<string>();
  for (const row of section.split('\n').filter((line) => line.startsWith('|'))) {
    const firstCell = row.split('|')[1] ?? '';
    for (const [, name] of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(name!);
  }
  return names;
}

/** Every NAME= in .env.example, set or commented out (`# NAME=…` documents one left at its default). */
export function variablesInEnvExample(): Map<string, { set: boolean; value: string }> {
  const names = new Map<string, { set: boolean; value: string }>();
  for (const line of read('.env.example').split('\n')) {
    const match = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) names.set(match[2]!, { set: !match[1], value: match[3]! });
  }
  return names;
}
