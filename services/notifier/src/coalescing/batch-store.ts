// The coalesced batches in PostgreSQL (email_batch, email_claim; see the entities in
// libs/persistence). A batch is written, with its provider key and exact body, and its emails are
// claimed for it, in one transaction before its request is made; from then on anyone may send it
// again, and only it, for those emails. Arrays go in as JSON text: the ORM would spread a JS array
// into a list of placeholders.
import { newId, type DeliveryMessage, type EntityManager, type Orm } from '@rhythm/persistence';
import type { OutgoingEmail } from '../transports/transport.js';

export type Lane = 'urgent' | 'bulk';

/** One email of a batch and what its Delivery row is keyed by. */
export interface BatchEntry {
  email: OutgoingEmail;
  member: DeliveryMessage;
}

export interface StoredBatch {
  idempotencyKey: string;
  state: 'pending' | 'sent' | 'refused';
  emails: OutgoingEmail[];
  members: DeliveryMessage[];
}

/** Per email: `sent` when the provider took it, `failed` when it refused it. */
export type ClaimOutcome = 'sent' | 'failed';

const keysParam = (keys: string[]) => JSON.stringify(keys);

/**
 * Writes a batch of `entries` and claims their emails for it. An email another batch holds (still
 * pending, or sent) stays with that batch; only one whose last batch refused it moves. Returns,
 * per idempotency key, the batch that holds it, and this batch's id (null if it kept no email).
 */
export async function storeBatch(
  orm: Orm,
  lane: Lane,
  entries: BatchEntry[],
): Promise<{ id: string | null; holders: Map<string, string> }> {
  const id = newId();
  const keys = entries.map((entry) => entry.member.idempotencyKey);
  return orm.em.fork().transactional(async (tx) => {
    await tx.execute(
      `insert into "email_batch" ("id", "idempotency_key", "lane", "state", "emails", "members", "created_at")
       values (?, ?, ?, 'pending', ?, ?::jsonb, now())`,
      [id, `rhythm-batch/${id}`, lane, ...payload(entries)],
    );
    // ON CONFLICT re-checks the WHERE on the latest row under its lock: of two batches racing for
    // one email, exactly one gets it.
    const won = await tx.execute<{ idempotency_key: string }[]>(
      `insert into "email_claim" ("idempotency_key", "batch_id", "state")
       select k, ?, 'pending' from jsonb_array_elements_text(?::jsonb) as k
       on conflict ("idempotency_key") do update set "batch_id" = excluded."batch_id", "state" = 'pending'
       where "email_claim"."state" = 'failed'
       returning "idempotency_key"`,
      [id, keysParam(keys)],
    );
    const ours = new Set(won.map((row) => row.idempotency_key));
    const holders = new Map(keys.filter((key) => ours.has(key)).map((key) => [key, id]));
    if (ours.size === keys.length) return { id, holders };
    const lost = keys.filter((key) => !ours.has(key));
    for (const [key, claim] of await claimsOf(tx, lost)) holders.set(key, claim.batchId);
    const kept = entries.filter((entry) => ours.has(entry.member.idempotencyKey));
    if (kept.length === 0) {
      await tx.execute(`delete from "email_batch" where "id" = ?`, [id]);
      return { id: null, holders };
    }
    await tx.execute(`update "email_batch" set "emails" = ?, "members" = ?::jsonb where "id" = ?`, [
      ...payload(kept),
      id,
    ]);
    return { id, holders };
  });
}

function payload(entries: BatchEntry[]): [string, string] {
  return [
    JSON.stringify(entries.map((entry) => entry.email)),
    JSON.stringify(entries.map((entry) => entry.member)),
  ];
}

/** The batch holding each of these emails, and what it made of it so far. */
export async function claimsOf(
  em: EntityManager,
  keys: string[],
): Promise<Map<string, { batchId: string; state: 'pending' | ClaimOutcome }>> {
  if (keys.length === 0) return new Map();
  const rows = await em.execute<
    { idempotency_key: string; batch_id: string; state: 'pending' | ClaimOutcome }[]
  >(
    `select "idempotency_key", "batch_id", "state" from "email_claim"
     where "idempotency_key" in (select jsonb_array_elements_text(?::jsonb))`,
    [keysParam(keys)],
  );
  return new Map(rows.map((row) => [row.idempotency_key, { batchId: row.batch_id, state: row.state }]));
}

/** Whether the batch must (still, or again) go to the provider; a cheap look without a lock. */
export async function needsSending(em: EntityManager, id: string): Promise<boolean> {
  return (await readBatch(em, id, false)) !== null;
}

/**
 * Inside a transaction: takes the batch's row lock, so that one sender at a time handles it, and
 * returns it if it must go to the provider: it is pending, or an email of it has no Delivery row
 * (the record was lost; the provider replays its answer under the same key).
 */
export async function lockBatchToSend(tx: EntityManager, id: string): Promise<StoredBatch | null> {
  const row = await readBatch(tx, id, true);
  return row && { ...row, emails: JSON.parse(row.emails!) as OutgoingEmail[] };
}

async function readBatch(em: EntityManager, id: string, lock: boolean) {
  const [row] = await em.execute<(Omit<StoredBatch, 'emails'> & { emails?: string; unrecorded: boolean })[]>(
    `select b."idempotency_key" as "idempotencyKey", b."state", b."members", ${lock ? 'b."emails",' : ''}
       exists (select 1 from jsonb_array_elements(b."members") m
               where not exists (select 1 from "delivery" d where d."idempotency_key" = m->>'idempotencyKey')) as unrecorded
     from "email_batch" b where b."id" = ? ${lock ? 'for update of b' : ''}`,
    [id],
  );
  if (!row) throw new Error(`email batch ${id} does not exist (purged after two days?)`);
  return row.state === 'pending' || row.unrecorded ? row : null;
}

/** The provider answered: the batch is done, and each email's claim says what became of it. */
export async function finishBatch(
  tx: EntityManager,
  id: string,
  state: 'sent' | 'refused',
  outcomes: { key: string; state: ClaimOutcome }[],
): Promise<void> {
  await tx.execute(
    `update "email_batch" set "state" = ?, "attempts" = "attempts" + 1, "finished_at" = now(), "last_error" = null
     where "id" = ?`,
    [state, id],
  );
  // A claim already `sent` stays so (a replay after a lost record must not reopen it).
  await tx.execute(
    `update "email_claim" c set "state" = case when c."state" = 'sent' then 'sent' else s."state" end
     from jsonb_to_recordset(?::jsonb) as s("key" text, "state" text)
     where c."idempotency_key" = s."key" and c."batch_id" = ?`,
    [JSON.stringify(outcomes), id],
  );
}

/** A retryable failure: the batch stays pending for the next try; ops see why and how often. */
export async function noteFailure(tx: EntityManager, id: string, error: unknown): Promise<void> {
  await tx.execute(`update "email_batch" set "attempts" = "attempts" + 1, "last_error" = ? where "id" = ?`, [
    error instanceof Error ? error.message : String(error),
    id,
  ]);
}

/**
 * Batches older than two days are past the provider's 24-hour idempotency window and every
 * retry's bound (EMAIL_RETRY_BOUND, 20 hours): the Delivery rows are the lasting record.
 */
export async function purgeOldBatches(orm: Orm): Promise<number> {
  const rows = await orm.em
    .fork()
    .execute<{ id: string }[]>(
      `delete from "email_batch" where "created_at" < now() - interval '2 days' returning "id"`,
    );
  return rows.length;
}
