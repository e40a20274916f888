import { Migration } from '@mikro-orm/migrations';

export class Migration20261125040837_initial extends Migration {
  override name = 'Migration20261125040837_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "outbox_email" ("id" uuid not null, "to" text not null, "subject" text not null, "html" text not null, "text" text not null, "idempotency_key" text not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "outbox_email" add constraint "outbox_email_idempotency_key_unique" unique ("idempotency_key");`,
    );

    this.addSql(
      `create table "team" ("id" uuid not null, "name" varchar(255) not null, "time_zone" varchar(255) not null, "locale" text not null, "send_hour" smallint not null default 9, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );

    this.addSql(
      `create table "session" ("id" uuid not null, "team_id" uuid not null, "date" date not null, "kind" text not null, "send_invitation" boolean not null default true, "send_reminder" boolean not null default true, "repeat" text not null default 'none', "state" text not null default 'scheduled', "previous_session_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "session_team_date_index" on "session" ("team_id", "date");`);

    this.addSql(
      `create table "app_user" ("id" uuid not null, "name" varchar(255) not null, "email" varchar(255) null, "locale" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(
      `create table "plan_item" ("id" uuid not null, "team_id" uuid not null, "type" text not null, "title" varchar(255) not null, "owner_id" uuid not null, "strategy_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "plan_item_team_type_index" on "plan_item" ("team_id", "type");`);

    this.addSql(
      `create table "progress_report" ("id" uuid not null, "item_id" uuid not null, "session_id" uuid null, "author_id" uuid not null, "progress" int not null, "traffic_light" text not null, "explanation" text not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "progress_report_item_created_at_index" on "progress_report" ("item_id", "created_at");`,
    );

    this.addSql(
      `create table "membership" ("id" uuid not null, "team_id" uuid not null, "user_id" uuid not null, "roles" text[] not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "membership" add constraint "membership_team_user_unique" unique ("team_id", "user_id");`,
    );

    this.addSql(
      `create table "delivery" ("id" uuid not null, "session_id" uuid not null, "user_id" uuid not null, "step" text not null, "session_date" date not null, "idempotency_key" text not null, "provider_message_id" text null, "state" text not null, "error" text null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "delivery" add constraint "delivery_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `alter table "delivery" add constraint "delivery_session_user_step_date_unique" unique ("session_id", "user_id", "step", "session_date");`,
    );

    this.addSql(
      `alter table "team" add constraint "team_send_hour_check" check (send_hour >= 0 and send_hour <= 23);`,
    );
    this.addSql(`alter table "team" add constraint "team_locale_check" check ("locale" in ('en', 'nl'));`);

    this.addSql(
      `alter table "session" add constraint "session_team_id_foreign" foreign key ("team_id") references "team" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "session" add constraint "session_previous_session_id_foreign" foreign key ("previous_session_id") references "session" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "session" add constraint "session_kind_check" check ("kind" in ('doing', 'steering'));`,
    );
    this.addSql(
      `alter table "session" add constraint "session_repeat_check" check ("repeat" in ('none', 'weekly', 'every_two_weeks', 'monthly', 'quarterly'));`,
    );
    this.addSql(
      `alter table "session" add constraint "session_state_check" check ("state" in ('scheduled', 'cancelled', 'held'));`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_locale_check" check ("locale" in ('en', 'nl'));`,
    );

    this.addSql(
      `alter table "plan_item" add constraint "plan_item_team_id_foreign" foreign key ("team_id") references "team" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "plan_item" add constraint "plan_item_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "plan_item" add constraint "plan_item_strategy_id_foreign" foreign key ("strategy_id") references "plan_item" ("id") on delete no action deferrable initially deferred;`,
    );
    this.addSql(
      `alter table "plan_item" add constraint "plan_item_strategy_parent_check" check ((type = 'strategy') = (strategy_id is null));`,
    );
    this.addSql(
      `alter table "plan_item" add constraint "plan_item_type_check" check ("type" in ('strategy', 'kpi', 'action'));`,
    );

    this.addSql(
      `alter table "progress_report" add constraint "progress_report_item_id_foreign" foreign key ("item_id") references "plan_item" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "progress_report" add constraint "progress_report_session_id_foreign" foreign key ("session_id") references "session" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "progress_report" add constraint "progress_report_author_id_foreign" foreign key ("author_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "progress_report" add constraint "progress_report_progress_check" check (progress >= 0 and progress <= 100);`,
    );
    this.addSql(
      `alter table "progress_report" add constraint "progress_report_traffic_light_check" check ("traffic_light" in ('green', 'amber', 'red'));`,
    );

    this.addSql(
      `alter table "membership" add constraint "membership_team_id_foreign" foreign key ("team_id") references "team" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "membership" add constraint "membership_roles_check" check ("roles" <@ array['administrator'::text, 'process_owner'::text, 'member'::text]);`,
    );

    this.addSql(
      `alter table "delivery" add constraint "delivery_session_id_foreign" foreign key ("session_id") references "session" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "delivery" add constraint "delivery_user_id_foreign" foreign key ("user_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "delivery" add constraint "delivery_step_check" check ("step" in ('invitation', 'reminder', 'moved', 'cancelled'));`,
    );
    this.addSql(
      `alter table "delivery" add constraint "delivery_state_check" check ("state" in ('sent', 'skipped', 'failed'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "session" drop constraint "session_team_id_foreign";`);
    this.addSql(`alter table "plan_item" drop constraint "plan_item_team_id_foreign";`);
    this.addSql(`alter table "membership" drop constraint "membership_team_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_previous_session_id_foreign";`);
    this.addSql(`alter table "progress_report" drop constraint "progress_report_session_id_foreign";`);
    this.addSql(`alter table "delivery" drop constraint "delivery_session_id_foreign";`);
    this.addSql(`alter table "plan_item" drop constraint "plan_item_owner_id_foreign";`);
    this.addSql(`alter table "progress_report" drop constraint "progress_report_author_id_foreign";`);
    this.addSql(`alter table "membership" drop constraint "membership_user_id_foreign";`);
    this.addSql(`alter table "delivery" drop constraint "delivery_user_id_foreign";`);
    this.addSql(`alter table "plan_item" drop constraint "plan_item_strategy_id_foreign";`);
    this.addSql(`alter table "progress_report" drop constraint "progress_report_item_id_foreign";`);

    this.addSql(`drop table if exists "outbox_email" cascade;`);
    this.addSql(`drop table if exists "team" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "plan_item" cascade;`);
    this.addSql(`drop table if exists "progress_report" cascade;`);
    this.addSql(`drop table if exists "membership" cascade;`);
    this.addSql(`drop table if exists "delivery" cascade;`);
  }
}
