// Every environment variable the code reads is documented, in README.md's configuration table and
// in .env.example; and .env.example lists nothing that neither the code nor docker compose reads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './tools.js';
import { variablesInEnvExample, variablesInReadme, variablesReadByCode } from './env-vars.js';

const code = variablesReadByCode();
const where = (names: string[]) => names.map((name) => `${name} (${code.get(name)!.join(', ')})`);

describe('environment variables', () => {
  it('finds the variables the services read', () => {
    // A sanity check of the scan itself: these are read today.
    expect([...code.keys()]).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'PORT', 'LOG_LEVEL']),
    );
  });

  it('documents every variable the code reads in README.md', () => {
    const readme = variablesInReadme();
    expect(where([...code.keys()].filter((name) => !readme.has(name)))).toEqual([]);
  });

  it('lists every variable the code reads in .env.example', () => {
    const example = variablesInEnvExample();
    expect(where([...code.keys()].filter((name) => !example.has(name)))).toEqual([]);
  });

  it('lists nothing in .env.example that neither the code nor docker-compose.yml reads', () => {
    const compose = readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8');
    const interpolated = new Set([...compose.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]!));
    const composeItself = new Set(['COMPOSE_PROJECT_NAME']);
    const unused = [...variablesInEnvExample().keys()].filter(
      (name) => !code.has(name) && !interpolated.has(name) && !composeItself.has(name),
    );
    expect(unused).toEqual([]);
  });
});
