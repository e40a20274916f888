import { Migration } from '@mikro-orm/migrations';

/** Invitations to join a team (issue 13, part 3): the link's secret is kept as its SHA-256 only. */
export class Migration20261201010000_invitation extends Migration {
  override name = 'Migration20261201010000_invitation';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "invitation" ("id" uuid not null, "team_id" uuid not null, "email" text not null, "roles" text[] not null, "invited_by_id" uuid null, "token_hash" text not null, "sends" int not null default 1, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "invitation_team_email_index" on "invitation" ("team_id", "email");`);
    this.addSql(
      `alter table "invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `alter table "invitation" add constraint "invitation_team_id_foreign" foreign key ("team_id") references "team" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "invitation" add constraint "invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "invitation" add constraint "invitation_roles_check" check ("roles" <@ array['administrator'::text, 'process_owner'::text, 'member'::text]);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table "invitation";`);
  }
}
