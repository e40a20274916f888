import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ItemType } from '@rhythm/domain';
import { createdAtProperty, updatedAtProperty, uuidPrimaryKey } from '../common/base.properties.js';
import { Team } from '../team/team.entity.js';
import { User } from '../user/user.entity.js';

/**
 * Strategies, KPIs and actions live in one `plan_item` table with a `type` column, rather than in three
 * tables. Everything that follows an item does so without caring which kind it is: a progress report,
 * the "items involved in a session" list an invitation links to, the "still without a report" count.
 * One table gives them one real foreign key (`item_id`), where three tables would need a type + id pair
 * that the database cannot check. The three kinds share every column (title, owner, team); the only
 * difference, "KPIs and actions sit under a strategy", is the nullable self-reference `strategy`, and a
 * check constraint keeps it set exactly when the item is not a strategy.
 */
export const PlanItem = defineEntity({
  name: 'PlanItem',
  tableName: 'plan_item',
  properties: {
    id: uuidPrimaryKey(),
    team: () => p.manyToOne(Team).ref().deleteRule('cascade'),
    type: p.enum(ItemType.options),
    title: p.string(),
    /** Each item has exactly one owner, who writes its progress reports. */
    owner: () => p.manyToOne(User).ref(),
    /**
     * The strategy a KPI or action sits under; null for strategies.
     * - `no action` rather than MikroORM's default `set null` for nullable relations: nulling it would
     *   break the check below, so a strategy with KPIs or actions cannot be deleted on its own
     *   (deleting the whole team still cascades).
     * - Deferred: when a strategy and its KPIs are flushed together, MikroORM would otherwise insert
     *   the KPI with a null strategy and set it in a second UPDATE (its way to order rows of one
     *   table), which the check below rejects. With an initially deferred key it writes the id in the
     *   INSERT and PostgreSQL checks the reference at commit.
     */
    strategy: () => p.manyToOne(PlanItem).ref().nullable().deleteRule('no action').deferMode('deferred'),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
  indexes: [{ name: 'plan_item_team_type_index', properties: ['team', 'type'] }],
  checks: [
    {
      name: 'plan_item_strategy_parent_check',
      expression: `(type = 'strategy') = (strategy_id is null)`,
    },
  ],
});

export type PlanItem = InferEntity<typeof PlanItem>;
