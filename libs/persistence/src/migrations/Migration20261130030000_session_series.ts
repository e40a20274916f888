import { Migration } from '@mikro-orm/migrations';

/** Repeating series: a table of their own, and each session may be occurrence n of one. */
export class Migration20261130030000_session_series extends Migration {
  override name = 'Migration20261130030000_session_series';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "session_series" ("id" uuid not null, "team_id" uuid not null, "kind" text not null, "repeat" text not null, "anchor_date" date not null, "anchor_index" int not null default 0, "send_invitation" boolean not null default true, "send_reminder" boolean not null default true, "state" text not null default 'active', "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "session_series" add constraint "session_series_team_id_foreign" foreign key ("team_id") references "team" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "session_series" add constraint "session_series_kind_check" check ("kind" in ('doing', 'steering'));`,
    );
    this.addSql(
      `alter table "session_series" add constraint "session_series_repeat_check" check ("repeat" in ('weekly', 'every_two_weeks', 'monthly', 'quarterly'));`,
    );
    this.addSql(
      `alter table "session_series" add constraint "session_series_state_check" check ("state" in ('active', 'stopped', 'cancelled'));`,
    );
    this.addSql(`alter table "session" add "series_id" uuid null, add "occurrence" int null;`);
    this.addSql(
      `alter table "session" add constraint "session_series_id_foreign" foreign key ("series_id") references "session_series" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "session" add constraint "session_series_occurrence_unique" unique ("series_id", "occurrence");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "session" drop constraint "session_series_occurrence_unique";`);
    this.addSql(`alter table "session" drop constraint "session_series_id_foreign";`);
    this.addSql(`alter table "session" drop column "series_id", drop column "occurrence";`);
    this.addSql(`drop table "session_series";`);
  }
}
