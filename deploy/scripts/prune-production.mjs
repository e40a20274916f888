// Removes from node_modules every package one workspace does not need at run time. Used in the
// images after `npm ci --omit=dev --workspace <it> --include-workspace-root=false`, which leaves
// packages behind: those of other workspaces that npm hoisted (the api image got
// @temporalio/worker and its 150 MB of native binaries through libs/testing, a workspace the libs
// link as a devDependency). `npm explain` calls them extraneous, but neither `ci` nor `prune`
// removes them.
//
//   node prune-production.mjs services/api                      (run in the install root, e.g. /app)
//   node prune-production.mjs services/api --print-workspaces   only list the workspace folders it
//                                                               needs (itself and its libs), no changes
//
// Walks the production graph from the workspace (dependencies, optionalDependencies, and peer
// dependencies that are installed) with Node's resolution rules, then deletes every package it
// did not reach, every link to one, and the .bin folders. A production dependency that does not
// resolve fails the build here instead of at run time.
import { existsSync, lstatSync, readFileSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const root = process.cwd();
const [workspace, mode] = process.argv.slice(2);
if (!workspace || !existsSync(path.join(root, workspace, 'package.json'))) {
  process.stderr.write(
    'usage: node prune-production.mjs <workspace folder, e.g. services/api> (from the install root)\n',
  );
  process.exit(2);
}

const reached = new Set();
const queue = [realpathSync(path.join(root, workspace))];
while (queue.length) {
  const dir = queue.pop();
  if (reached.has(dir)) continue;
  reached.add(dir);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const required = Object.keys(manifest.dependencies ?? {});
  const optional = [
    ...Object.keys(manifest.optionalDependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ];
  for (const name of [...required, ...optional]) {
    const found = resolvePackage(dir, name);
    if (found) queue.push(found);
    else if (required.includes(name))
      fail(`${name}, a dependency of ${path.relative(root, dir) || manifest.name}, is not installed`);
  }
}

if (mode === '--print-workspaces') {
  const folders = [...reached]
    .filter((dir) => !dir.split(path.sep).includes('node_modules'))
    .map((dir) => path.relative(root, dir));
  process.stdout.write(`${folders.sort().join('\n')}\n`);
  process.exit(0);
}

// The root node_modules and each workspace's own (npm nests a version there when the hoisted one
// does not fit); the workspace folders are the lockfile's entries outside node_modules.
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const workspaceFolders = Object.keys(lock.packages).filter((key) => !key.includes('node_modules'));
let removed = 0;
for (const folder of workspaceFolders) sweep(path.join(root, folder, 'node_modules'));
process.stderr.write(
  `prune-production: ${workspace} needs ${reached.size - 1} packages; removed ${removed} others\n`,
);

/** Node's lookup: <dir>/node_modules/<name>, then each parent folder's, up to the file system root. */
function resolvePackage(fromDir, name) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (path.dirname(dir) === dir) return null;
  }
}

/** Deletes what was not reached in one node_modules folder, and descends into what was. */
function sweep(modules) {
  if (!existsSync(modules)) return;
  for (const entry of readdirSync(modules)) {
    const entryPath = path.join(modules, entry);
    if (entry === '.bin') {
      rmSync(entryPath, { recursive: true, force: true }); // Links to command-line tools; nothing runs them.
    } else if (entry.startsWith('@')) {
      sweep(entryPath);
      if (readdirSync(entryPath).length === 0) rmSync(entryPath, { recursive: true });
    } else if (!entry.startsWith('.')) {
      const target = existsSync(entryPath) ? realpathSync(entryPath) : null;
      if (!target || !reached.has(target)) {
        rmSync(entryPath, { recursive: true, force: true }); // A link is removed, not its target.
        removed++;
      } else if (!lstatSync(entryPath).isSymbolicLink()) {
        sweep(path.join(entryPath, 'node_modules'));
      }
    }
  }
}

function fail(message) {
  process.stderr.write(`prune-production: ${message}\n`);
  process.exit(1);
}
