// Every service has a Dockerfile that hadolint passes and that keeps this project's rules, which
// no linter knows: multi-stage on node:24-slim, production dependencies of that service only, a
// non-root user, NODE_ENV=production, `node services/<name>/dist/main.js`, for the sessions worker
// a workflow bundle built with the image, and for the api the web app it serves. The web app's own
// nginx container (services/web: no main.ts) has rules of its own below. Nothing here builds an
// image (no engine here).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { hadolint, repoRoot, run } from './tools.js';

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Instructions per stage, continuation lines joined, comments dropped. */
function stages(dockerfile: string): Stage[] {
  const logical = readFileSync(dockerfile, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const result: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      const [, image = '', name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      result.push({ image, name, instructions: [] });
    } else {
      result.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return result;
}

const servicesDir = path.join(repoRoot, 'services');
const services = readdirSync(servicesDir).filter((name) =>
  existsSync(path.join(servicesDir, name, 'src/main.ts')),
);
const dockerfileOf = (service: string) => path.join(servicesDir, service, 'Dockerfile');
const runs = (stage: Stage) =>
  stage.instructions
    .filter((instruction) => instruction.keyword === 'RUN')
    .map((instruction) => instruction.args);
const argsOf = (stage: Stage, keyword: string) =>
  stage.instructions
    .filter((instruction) => instruction.keyword === keyword)
    .map((instruction) => instruction.args);

describe('Dockerfiles', () => {
  it('exist for every service', () => {
    expect(services.filter((service) => !existsSync(dockerfileOf(service)))).toEqual([]);
  });

  it('pass hadolint', () => {
    const result = run(hadolint(), ['--no-color', ...[...services, 'web'].map(dockerfileOf)]);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  describe.each(services)('services/%s/Dockerfile', (service) => {
    const all = stages(dockerfileOf(service));
    const runtime = all.at(-1)!;
    const workspace = `services/${service}`;
    const stageNamed = (name: string) => all.find((stage) => stage.name === name);

    it('is multi-stage, every stage on node:24-slim (no latest, no other base)', () => {
      expect(all.length).toBeGreaterThanOrEqual(2);
      for (const stage of all) expect(stage.image).toBe('node:24-slim');
    });

    it('runs as a user that is not root, given by number (Kubernetes runAsNonRoot checks it)', () => {
      const users = runtime.instructions
        .filter((instruction) => instruction.keyword === 'USER')
        .map((instruction) => instruction.args);
      expect(users.length).toBeGreaterThan(0);
      expect(users.at(-1)).toMatch(/^[1-9]\d*(:\d+)?$/);
    });

    it('sets NODE_ENV=production and starts the service', () => {
      const env = runtime.instructions
        .filter((instruction) => instruction.keyword === 'ENV')
        .map((instruction) => instruction.args)
        .join(' ');
      expect(env).toMatch(/\bNODE_ENV=production\b/);
      const cmd = runtime.instructions.filter((instruction) => instruction.keyword === 'CMD').at(-1);
      expect(JSON.parse(cmd!.args)).toEqual(['node', `${workspace}/dist/main.js`]);
    });

    it("ships this service's production dependencies only", () => {
      // node_modules reaches the runtime from one stage, which installs for this workspace only,
      // without dev dependencies or the root's, and prunes what other workspaces left behind.
      const copies = runtime.instructions.filter((instruction) => instruction.keyword === 'COPY');
      const sources = copies
        .map((copy) => /--from=(\S+)\s+(\S+)/.exec(copy.args))
        .filter((match) => match !== null);
      const whole = sources.filter(([, , source]) => source === '/app' || source!.includes('node_modules'));
      expect(whole).toHaveLength(1);
      const deps = stageNamed(whole[0]![1]!)!;
      const install = runs(deps).join(' && ');
      expect(install).toMatch(/npm ci\b/);
      expect(install).toContain('--omit=dev');
      expect(install).toMatch(new RegExp(`(--workspace|-w)[ =]${workspace}\\b`));
      expect(install).toContain('--include-workspace-root=false');
      expect(install).toContain(`prune-production.mjs ${workspace}`);
      expect(install).toContain('check-protobufjs.mjs');
      // The other stages give compiled output only.
      for (const [, from, source] of sources.filter((match) => match !== whole[0])) {
        expect({ from, source }).toEqual({ from, source: '/out' });
      }
      expect(runs(runtime)).toEqual([]);
    });

    if (service === 'api') {
      it('builds the web app and puts it where WEB_DIST_DIR’s default finds it', () => {
        const built = all.flatMap(runs).join(' && ');
        expect(built).toContain('npx nx run @rhythm/web:build');
        // /out reaches the runtime's /app: services/web/dist beside services/api/dist.
        expect(built).toContain('cp -r services/web/dist /out/services/web/');
      });
    }

    if (service === 'workflows') {
      it('builds the workflow bundle with the image and points WORKFLOW_BUNDLE_PATH at it', () => {
        const built = all.flatMap(runs).join(' && ');
        const [, out] = /bundle-workflows\.mjs\s+(\S+)/.exec(built) ?? [];
        expect(out).toBe(`${workspace}/dist/workflow-bundle.js`);
        const env = runtime.instructions
          .filter((instruction) => instruction.keyword === 'ENV')
          .map((instruction) => instruction.args)
          .join(' ');
        expect(env).toContain(`WORKFLOW_BUNDLE_PATH=/app/${out}`);
      });
    }
  });
});

describe('services/web/Dockerfile (the optional nginx container)', () => {
  const all = stages(dockerfileOf('web'));
  const runtime = all.at(-1)!;

  it('builds the web app on node:24-slim and serves it from a pinned unprivileged nginx', () => {
    for (const stage of all.slice(0, -1)) expect(stage.image).toBe('node:24-slim');
    expect(all.flatMap(runs).join(' && ')).toContain('npx nx run @rhythm/web:build');
    expect(runtime.image).toMatch(/^nginxinc\/nginx-unprivileged:\d+\.\d+\.\d+-alpine$/);
    expect(runs(runtime)).toEqual([]);
  });

  it('ships nginx.conf and the built files only', () => {
    expect(argsOf(runtime, 'COPY')).toEqual([
      'services/web/nginx.conf /etc/nginx/conf.d/default.conf',
      '--from=build /app/services/web/dist /usr/share/nginx/html',
    ]);
  });

  it('runs as a numeric non-root user and has a health check', () => {
    expect(argsOf(runtime, 'USER').at(-1)).toMatch(/^[1-9]\d*(:\d+)?$/);
    expect(argsOf(runtime, 'EXPOSE')).toEqual(['8080']);
    expect(argsOf(runtime, 'HEALTHCHECK').join(' ')).toContain('http://127.0.0.1:8080/healthz');
  });
});

describe('services/web/nginx.conf', () => {
  const conf = readFileSync(path.join(servicesDir, 'web', 'nginx.conf'), 'utf8');
  const location = (match: string) => {
    const start = conf.indexOf(`location ${match} {`);
    expect({ match, found: start >= 0 }).toEqual({ match, found: true });
    return conf.slice(start, conf.indexOf('}', start));
  };

  it('passes the API’s paths to the api service', () => {
    expect(conf).toMatch(/upstream rhythm_api {\s+#[^\n]*\n\s+server api:3000;/);
    for (const match of ['/api/', '= /openapi.json', '= /docs', '/docs/'])
      expect(location(match)).toContain('proxy_pass http://rhythm_api;');
  });

  it('keeps the API’s caching rules: hashed assets immutable, the rest revalidated', () => {
    expect(location('/assets/')).toContain('add_header Cache-Control "public, max-age=31536000, immutable";');
    for (const match of ['= /', '/', '@app'])
      expect(location(match)).toContain('add_header Cache-Control "no-cache";');
  });

  it('sends the API’s Content-Security-Policy with every file of the app', () => {
    const apiSource = readFileSync(path.join(servicesDir, 'api', 'src', 'web', 'web-app.ts'), 'utf8');
    const directives = [...apiSource.matchAll(/^\s+"([a-z-]+ [^"]+)",$/gm)].map((match) => match[1]);
    expect(directives).toContain("frame-ancestors 'none'");
    expect(conf).toContain(`default "${directives.join('; ')}";`);
    for (const match of ['/assets/', '= /', '/', '@app'])
      expect(location(match)).toContain('add_header Content-Security-Policy $rhythm_csp;');
  });

  it('answers index.html to browser navigations of client-side routes, and its own /healthz', () => {
    expect(location('/')).toContain('try_files $uri @app;');
    expect(location('@app')).toMatch(/if \(\$http_accept !~\* "text\/html"\) {\s+return 404;/);
    expect(conf).toMatch(/location @app {[^]*try_files \/index.html =404;/);
    expect(location('= /healthz')).toContain('return 200');
  });
});

describe('.dockerignore', () => {
  const ignored = readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim());

  it('keeps installed, built, provisioned and secret files out of the build context', () => {
    expect(ignored).toEqual(
      expect.arrayContaining([
        '.git',
        '**/node_modules',
        '**/dist',
        '.tools',
        '.data',
        '**/.env',
        '**/.env.*',
      ]),
    );
  });

  it('lets in what the image builds need from deploy/', () => {
    expect(ignored).toEqual(expect.arrayContaining(['deploy/*', '!deploy/package.json', '!deploy/scripts']));
  });
});
