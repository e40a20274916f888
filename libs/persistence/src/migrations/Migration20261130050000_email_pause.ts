import { Migration } from '@mikro-orm/migrations';

/** Owners who paused Rhythm's emails in a team (the one-click link in each email). */
export class Migration20261130050000_email_pause extends Migration {
  override name = 'Migration20261130050000_email_pause';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "email_pause" ("id" uuid not null, "user_id" uuid not null, "team_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "email_pause" add constraint "email_pause_user_team_unique" unique ("user_id", "team_id");`,
    );
    this.addSql(
      `alter table "email_pause" add constraint "email_pause_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "email_pause" add constraint "email_pause_team_id_foreign" foreign key ("team_id") references "team" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table "email_pause";`);
  }
}
