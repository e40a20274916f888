import { Migration } from '@mikro-orm/migrations';

/**
 * Coalesced sends: each provider request written before it is made (email_batch), which batch holds
 * each email (email_claim), and the provider's rate limit shared by every notifier (provider_rate).
 * Named after email_pause so that it sorts, and runs, after it.
 */
export class Migration20261130060000_email_batch extends Migration {
  override name = 'Migration20261130060000_email_batch';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "email_batch" ("id" uuid not null, "idempotency_key" text not null, "lane" text not null, "state" text not null default 'pending', "emails" text not null, "members" jsonb not null, "attempts" int not null default 0, "last_error" text null, "created_at" timestamptz not null, "finished_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "email_batch" add constraint "email_batch_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(`create index "email_batch_created_at_index" on "email_batch" ("created_at");`);

    this.addSql(
      `create table "email_claim" ("idempotency_key" text not null, "batch_id" uuid not null, "state" text not null default 'pending', primary key ("idempotency_key"));`,
    );
    this.addSql(`create index "email_claim_batch_index" on "email_claim" ("batch_id");`);

    this.addSql(
      `create table "provider_rate" ("provider" text not null, "next_slot_at" timestamptz not null, primary key ("provider"));`,
    );

    this.addSql(
      `alter table "email_batch" add constraint "email_batch_lane_check" check ("lane" in ('urgent', 'bulk'));`,
    );
    this.addSql(
      `alter table "email_batch" add constraint "email_batch_state_check" check ("state" in ('pending', 'sent', 'refused'));`,
    );

    this.addSql(
      `alter table "email_claim" add constraint "email_claim_batch_id_foreign" foreign key ("batch_id") references "email_batch" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "email_claim" add constraint "email_claim_state_check" check ("state" in ('pending', 'sent', 'failed'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "email_claim" drop constraint "email_claim_batch_id_foreign";`);

    this.addSql(`drop table if exists "email_batch" cascade;`);
    this.addSql(`drop table if exists "email_claim" cascade;`);
    this.addSql(`drop table if exists "provider_rate" cascade;`);
  }
}
