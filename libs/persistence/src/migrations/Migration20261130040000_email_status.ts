import { Migration } from '@mikro-orm/migrations';

/** What became of each email (Resend's webhooks), the webhooks handled, and addresses no longer emailed. */
export class Migration20261130040000_email_status extends Migration {
  override name = 'Migration20261130040000_email_status';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "delivery" add "provider_status" text null, add "provider_status_at" timestamptz null;`,
    );
    this.addSql(
      `alter table "delivery" add constraint "delivery_provider_status_check" check ("provider_status" in ('delivery_delayed', 'delivered', 'bounced', 'complained', 'failed'));`,
    );
    this.addSql(`create index "delivery_provider_message_id_index" on "delivery" ("provider_message_id");`);
    this.addSql(
      `create table "email_suppression" ("address" text not null, "reason" text not null, "detail" text null, "created_at" timestamptz not null, primary key ("address"));`,
    );
    this.addSql(
      `alter table "email_suppression" add constraint "email_suppression_reason_check" check ("reason" in ('bounced', 'complained'));`,
    );
    this.addSql(
      `create table "webhook_event" ("id" text not null, "type" text not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table "webhook_event";`);
    this.addSql(`drop table "email_suppression";`);
    this.addSql(`drop index "delivery_provider_message_id_index";`);
    this.addSql(`alter table "delivery" drop constraint "delivery_provider_status_check";`);
    this.addSql(`alter table "delivery" drop column "provider_status", drop column "provider_status_at";`);
  }
}
