import { Migration } from '@mikro-orm/migrations';

/** Sign-in (issue 13): emailed links and browsers' refresh tokens (hashes only), OpenID Connect identities. */
export class Migration20261201020000_sign_in extends Migration {
  override name = 'Migration20261201020000_sign_in';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "sign_in_link" ("id" uuid not null, "email" text not null, "token_hash" text not null, "browser_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "sign_in_link" add constraint "sign_in_link_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "sign_in_session" ("id" uuid not null, "user_id" uuid not null, "token_hash" text not null, "previous_token_hash" text null, "method" text not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "sign_in_session" add constraint "sign_in_session_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `create index "sign_in_session_previous_token_hash_index" on "sign_in_session" ("previous_token_hash");`,
    );

    this.addSql(
      `create table "identity" ("id" uuid not null, "user_id" uuid not null, "issuer" text not null, "subject" text not null, "email" text not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "identity" add constraint "identity_issuer_subject_unique" unique ("issuer", "subject");`,
    );

    this.addSql(
      `alter table "sign_in_session" add constraint "sign_in_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "identity" add constraint "identity_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "sign_in_link" cascade;`);
    this.addSql(`drop table if exists "sign_in_session" cascade;`);
    this.addSql(`drop table if exists "identity" cascade;`);
  }
}
