// A service started with bad configuration stops at once with one line that says what is wrong:
// no stack trace, exit code 1.
import { startService } from '@rhythm/testing';

const good = {
  NODE_ENV: 'test',
  DATABASE_URL: 'postgres://postgres:rhythm@127.0.0.1:1/rhythm',
  TEMPORAL_ADDRESS: '127.0.0.1:1',
};

async function failure(name: 'api' | 'workflows' | 'notifier', env: Record<string, string>) {
  const service = startService(name, env);
  const code = await service.exited;
  return { code, output: service.output };
}

describe('start-up with bad configuration', () => {
  it.each(['api', 'workflows', 'notifier'] as const)(
    '%s: an unreachable DATABASE_URL is one line naming it',
    async (name) => {
      const { code, output } = await failure(name, good);
      expect(code).toBe(1);
      expect(output).toEqual([
        expect.stringMatching(
          new RegExp(
            `^rhythm-${name}: cannot reach PostgreSQL at 127\\.0\\.0\\.1:1/rhythm \\(.*ECONNREFUSED.*\\): check DATABASE_URL$`,
          ),
        ),
      ]);
    },
  );

  it('a malformed TEMPORAL_ADDRESS is one line naming it', async () => {
    const { code, output } = await failure('api', { ...good, TEMPORAL_ADDRESS: 'http://temporal:7233' });
    expect(code).toBe(1);
    expect(output).toEqual([
      'rhythm-api: bad configuration: TEMPORAL_ADDRESS: must be host:port, for example 127.0.0.1:7233 (no scheme)',
    ]);
  });

  it('an unknown time zone is one line naming it', async () => {
    const { code, output } = await failure('api', { ...good, DEFAULT_TIME_ZONE: 'Mars/Olympus' });
    expect(code).toBe(1);
    expect(output).toEqual([
      'rhythm-api: bad configuration: DEFAULT_TIME_ZONE: Expected an IANA time zone such as Europe/Amsterdam',
    ]);
  });

  it('a malformed DATABASE_URL is one line naming it', async () => {
    const { code, output } = await failure('workflows', { ...good, DATABASE_URL: 'mysql://x' });
    expect(code).toBe(1);
    expect(output).toEqual([
      'rhythm-workflows: bad configuration: DATABASE_URL: must start with postgres:// or postgresql://',
    ]);
  });
});
