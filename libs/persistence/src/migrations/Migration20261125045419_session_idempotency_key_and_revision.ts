import { Migration } from '@mikro-orm/migrations';

export class Migration20261125045419_session_idempotency_key_and_revision extends Migration {
  override name = 'Migration20261125045419_session_idempotency_key_and_revision';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "session" add "idempotency_key" text null, add "request_hash" text null, add "revision" int not null default 0;`,
    );
    this.addSql(
      `alter table "session" add constraint "session_team_idempotency_key_unique" unique ("team_id", "idempotency_key");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "session" drop constraint "session_team_idempotency_key_unique";`);
    this.addSql(
      `alter table "session" drop column "idempotency_key", drop column "request_hash", drop column "revision";`,
    );
  }
}
