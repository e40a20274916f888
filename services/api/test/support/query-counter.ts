// Counts the SQL statements the app sends while a request runs. MikroORM hands every statement it
// executes (queries, BEGIN and COMMIT alike) to its logger's `logQuery`, whether debug logging is
// on or not, and every fork of the test app's ORM shares that one logger: wrapping it there sees
// all of the app's statements without touching the app or the pg driver.
import type { Orm } from '@rhythm/persistence';

/** The statements sent while `run` ran, in order. Only for tests that run one request at a time. */
export async function queriesDuring(orm: Orm, run: () => Promise<unknown>): Promise<string[]> {
  const logger = orm.config.getLogger();
  const logQuery = logger.logQuery;
  const queries: string[] = [];
  logger.logQuery = (context) => {
    queries.push(context.query ?? '');
    logQuery.call(logger, context);
  };
  try {
    await run();
  } finally {
    logger.logQuery = logQuery;
  }
  return queries;
}
