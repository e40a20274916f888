// Real COMMIT failures on demand: a deferred constraint trigger on `session` that raises at COMMIT,
// for the next N transactions that inserted, updated or deleted a session row. The attempts are
// counted with a sequence, because a sequence is the one thing a failed transaction does not roll
// back. Only in the tests' own databases.
import type { Orm } from '@rhythm/persistence';

export type SessionWrite = 'INSERT' | 'UPDATE' | 'DELETE';

export async function installCommitFaults(orm: Orm): Promise<void> {
  const connection = orm.em.getConnection();
  await connection.execute(
    `create table "test_commit_fault" ("op" text primary key, "pass_through" bigint not null, "fail_through" bigint not null)`,
  );
  await connection.execute(`create sequence "test_commit_fault_attempt"`);
  // The attempt in a variable: nextval in both bounds of a comparison would count twice.
  await connection.execute(`
    create function "test_commit_fault_check"() returns trigger language plpgsql as $$
    declare
      fault record;
      attempt bigint;
    begin
      select * into fault from "test_commit_fault" where "op" = tg_op;
      if found then
        attempt := nextval('test_commit_fault_attempt');
        if attempt > fault."pass_through" and attempt <= fault."fail_through" then
          raise exception 'injected failure at COMMIT (% of a session row)', tg_op;
        end if;
      end if;
      return null;
    end $$`);
  await connection.execute(`
    create constraint trigger "test_commit_fault_at_commit" after insert or update or delete on "session"
    deferrable initially deferred for each row execute function "test_commit_fault_check"()`);
}

/**
 * The next `count` transactions that make a `write` to a session row fail at COMMIT, after `passing`
 * such transactions that commit (e.g. a PATCH's move, so that its switch of the flags fails).
 */
export async function failNextCommits(orm: Orm, write: SessionWrite, count = 1, passing = 0): Promise<void> {
  const connection = orm.em.getConnection();
  await connection.execute(`delete from "test_commit_fault"`);
  await connection.execute(`select setval('test_commit_fault_attempt', 1, false)`);
  await connection.execute(
    `insert into "test_commit_fault" ("op", "pass_through", "fail_through") values (?, ?, ?)`,
    [write, passing, passing + count],
  );
}

export async function clearCommitFaults(orm: Orm): Promise<void> {
  await orm.em.getConnection().execute(`delete from "test_commit_fault"`);
}
