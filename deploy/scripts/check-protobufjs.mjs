// Fails an image build when a Temporal package would load a protobufjs other than 8. The root
// package.json pins protobufjs@8 (a devDependency, see README) so that npm hoists one copy of 8 for
// all Temporal packages and nests gRPC's 7; a production install must keep that layout, or
// decoding history JSON fails with "type must be a Type".
//
//   node check-protobufjs.mjs      (run in the install root, e.g. /app)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

const scope = path.join(process.cwd(), 'node_modules/@temporalio');
const users = existsSync(scope)
  ? readdirSync(scope).filter((name) => dependsOnProtobufjs(path.join(scope, name)))
  : [];
const wrong = users
  .map((name) => ({ name, version: protobufjsVersionFor(path.join(scope, name)) }))
  .filter(({ version }) => !version.startsWith('8.'));

if (wrong.length) {
  process.stderr.write(
    `check-protobufjs: ${wrong.map(({ name, version }) => `@temporalio/${name} loads protobufjs ${version}`).join('; ')}; they need 8 (README: protobufjs)\n`,
  );
  process.exit(1);
}
process.stderr.write(`check-protobufjs: ${users.length} Temporal packages load protobufjs 8\n`);

function dependsOnProtobufjs(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return Boolean(manifest.dependencies?.protobufjs);
}

function protobufjsVersionFor(dir) {
  const require = createRequire(path.join(dir, 'package.json'));
  return JSON.parse(readFileSync(require.resolve('protobufjs/package.json'), 'utf8')).version;
}
