import { Migration } from '@mikro-orm/migrations';

/** A person's own time zone, set on their profile (issue 13, part 4); null: each team's zone. */
export class Migration20261201030000_user_time_zone extends Migration {
  override name = 'Migration20261201030000_user_time_zone';

  override up(): void | Promise<void> {
    this.addSql(`alter table "app_user" add column "time_zone" varchar(255) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "app_user" drop column "time_zone";`);
  }
}
