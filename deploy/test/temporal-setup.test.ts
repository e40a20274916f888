// deploy/temporal/setup-namespace.sh (compose's temporal-setup job; ops run it against a
// self-hosted cluster) creates the namespace and registers exactly the search attributes the
// workflows set (libs/domain), again and again without harm, against a real Temporal server: the
// dev server ./rhythm test starts, with the same `temporal` CLI the admin-tools image has.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './tools.js';

const exec = promisify(execFile);
const script = path.join(repoRoot, 'deploy/temporal/setup-namespace.sh');

/** Name -> type as libs/domain/src/contracts/search-attributes.ts declares them for the CLI. */
function domainSearchAttributes(): Record<string, string> {
  const source = readFileSync(path.join(repoRoot, 'libs/domain/src/contracts/search-attributes.ts'), 'utf8');
  const body = /rhythmSearchAttributeTypes[^=]*=\s*\{([^}]*)\}/.exec(source)?.[1];
  if (!body) throw new Error('rhythmSearchAttributeTypes not found in libs/domain');
  return Object.fromEntries([...body.matchAll(/(\w+):\s*'(\w+)'/g)].map((match) => [match[1]!, match[2]!]));
}

function scriptSearchAttributes(): Record<string, string> {
  const list = /^attributes="([^"]*)"/m.exec(readFileSync(script, 'utf8'))?.[1] ?? '';
  return Object.fromEntries(
    list
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split(':') as [string, string]),
  );
}

describe('deploy/temporal/setup-namespace.sh', () => {
  it("registers libs/domain's search attributes, no more, no less", () => {
    expect(scriptSearchAttributes()).toEqual(domainSearchAttributes());
  });

  const address = process.env.TEMPORAL_ADDRESS;
  const cli = process.env.TEMPORAL_CLI_PATH ?? path.join(repoRoot, '.tools/bin/temporal');
  const withServer = address && existsSync(cli) ? it : it.skip;

  describe(`against a Temporal server${address ? '' : ' (skipped: TEMPORAL_ADDRESS unset; ./rhythm test sets it)'}`, () => {
    let bin: string;
    const namespace = `deploy-check-${process.pid}-${Date.now().toString(36)}`;
    const env = () => ({
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      TEMPORAL_ADDRESS: address,
      SETUP_WAIT_SECONDS: '30',
    });
    const setup = (extra: NodeJS.ProcessEnv = {}) => exec('sh', [script], { env: { ...env(), ...extra } });

    beforeAll(() => {
      // The script calls `temporal` from PATH, as in the admin-tools image.
      bin = mkdtempSync(path.join(os.tmpdir(), 'rhythm-temporal-cli-'));
      symlinkSync(cli, path.join(bin, 'temporal'));
    });
    afterAll(() => rmSync(bin, { recursive: true, force: true }));

    withServer('creates the namespace and the attributes, and a second run changes nothing', async () => {
      await setup({ TEMPORAL_NAMESPACE: namespace });
      const again = await setup({ TEMPORAL_NAMESPACE: namespace });
      expect(again.stderr).toContain(`namespace ${namespace} exists`);
      const { stdout } = await exec(
        cli,
        ['operator', 'search-attribute', 'list', '--namespace', namespace, '--output', 'json'],
        { env: env() },
      );
      const custom = (JSON.parse(stdout) as { customAttributes: Record<string, string> }).customAttributes;
      const expected = Object.fromEntries(
        Object.entries(domainSearchAttributes()).map(([name, type]) => [
          name,
          `INDEXED_VALUE_TYPE_${type.toUpperCase()}`,
        ]),
      );
      expect(custom).toEqual(expected);
    });

    withServer('fails, naming the attribute, when one exists with another type', async () => {
      const conflicted = `${namespace}-conflict`;
      await setup({ TEMPORAL_NAMESPACE: conflicted });
      await exec(
        cli,
        [
          'operator',
          'search-attribute',
          'remove',
          '--namespace',
          conflicted,
          '--name',
          'RhythmState',
          '--yes',
        ],
        { env: env() },
      );
      await exec(
        cli,
        [
          'operator',
          'search-attribute',
          'create',
          '--namespace',
          conflicted,
          '--name',
          'RhythmState',
          '--type',
          'Datetime',
        ],
        { env: env() },
      );
      await expect(setup({ TEMPORAL_NAMESPACE: conflicted, SETUP_WAIT_SECONDS: '2' })).rejects.toMatchObject({
        stderr: expect.stringContaining('could not register search attribute RhythmState (Keyword)'),
      });
    });
  });
});
