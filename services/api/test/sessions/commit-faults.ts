// Real COMMIT failures on demand: a deferred constraint trigger on `session` that raises at COMMIT,
// for the next N transactions that inserted, updated or deleted a session row. The attempts are
// counted with a sequence, because a sequence is the one thing a failed transaction does not roll
// back. Only in the tests' own databases.
import type { Orm } from '@rhythm/persistence';

export type SessionWrite = 'INSERT' | 'UPDATE' | 'DELETE';

export async function installCommitFaults(orm: Orm): Promise<void> {
  const connection = orm.em.getConnection();
  await connection.execute(
    `create table "test_commit_fault" ("op" text primary key, "fail_through" bigint not null)`,
  );
  await connection.execute(`create sequence "test_commit_fault_attempt"`);
  await connection.execute(`
    create function "test_commit_fault_check"() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from "test_commit_fault" where "op" = tg_op)
         and nextval('test_commit_fault_attempt') <= (select "fail_through" from "test_commit_fault" where "op" = tg_op) then
        raise exception 'injected failure at COMMIT (% of a session row)', tg_op;
      end if;
      return null;
    end $$`);
  await connection.execute(`
    create constraint trigger "test_commit_fault_at_commit" after insert or update or delete on "session"
    deferrable initially deferred for each row execute function "test_commit_fault_check"()`);
}

/** The next `count` transactions that make a `write` to a session row fail at COMMIT. */
export async function failNextCommits(orm: Orm, write: SessionWrite, count = 1): Promise<void> {
  const connection = orm.em.getConnection();
  await connection.execute(`delete from "test_commit_fault"`);
  await connection.execute(`select setval('test_commit_fault_attempt', 1, false)`);
  await connection.execute(`insert into "test_commit_fault" ("op", "fail_through") values (?, ?)`, [
    write,
    count,
  ]);
}

export async function clearCommitFaults(orm: Orm): Promise<void> {
  await orm.em.getConnection().execute(`delete from "test_commit_fault"`);
}
