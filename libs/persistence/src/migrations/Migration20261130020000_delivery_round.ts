import { Migration } from '@mikro-orm/migrations';

/** "Moved" notices are counted per session (round), so a session moved back and forth tells each move. */
export class Migration20261130020000_delivery_round extends Migration {
  override name = 'Migration20261130020000_delivery_round';

  override up(): void | Promise<void> {
    this.addSql(`alter table "delivery" add "round" int not null default 0;`);
    this.addSql(`alter table "delivery" drop constraint "delivery_session_user_step_date_unique";`);
    this.addSql(
      `alter table "delivery" add constraint "delivery_session_user_step_date_round_unique" unique ("session_id", "user_id", "step", "session_date", "round");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "delivery" drop constraint "delivery_session_user_step_date_round_unique";`);
    this.addSql(
      `alter table "delivery" add constraint "delivery_session_user_step_date_unique" unique ("session_id", "user_id", "step", "session_date");`,
    );
    this.addSql(`alter table "delivery" drop column "round";`);
  }
}
