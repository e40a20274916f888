// The benchmark's settings, from the environment (README.md lists them).
const env = process.env;
const numbers = (value: string) => value.split(',').map((n) => Number(n.trim()));

export const settings = {
  /** One round per entry: that many sessions, all due at once. */
  sessions: numbers(env.BENCH_SESSIONS ?? '300,2000'),
  owners: Number(env.BENCH_OWNERS ?? 5),
  notifiers: Number(env.BENCH_NOTIFIERS ?? 2),
  /** The local Resend server's limit, and the notifiers' shared one. */
  requestsPerSecond: Number(env.BENCH_REQUESTS_PER_SECOND ?? 5),
  pgPort: Number(env.BENCH_PG_PORT ?? 54484),
  temporalPort: Number(env.BENCH_TEMPORAL_PORT ?? 7384),
  /** Passed on to each notifier process when set. */
  notifierEnv: Object.fromEntries(
    ['NOTIFIER_BATCH_LINGER_MS', 'NOTIFIER_MAX_CONCURRENT_ACTIVITIES']
      .filter((name) => env[name])
      .map((name) => [name, env[name]!]),
  ),
};
