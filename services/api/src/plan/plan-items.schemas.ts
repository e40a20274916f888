// Strategies, KPIs and actions share a shape; KPIs and actions also name the strategy they sit under.
import type { ItemType } from '@rhythm/domain';
import type { PlanItem } from '@rhythm/persistence';
import { z } from 'zod';
import { Id, Instant, Name, TeamParams, instant } from '../http/common.schemas.js';

export const ItemParams = TeamParams.extend({ itemId: Id });

const Owner = z
  .object({ id: Id, name: z.string() })
  .meta({ id: 'ItemOwner', description: 'Writes the item’s progress reports.' });
const OwnerId = Id.meta({ description: 'A member of the team; defaults to the caller on create.' });
const StrategyId = Id.meta({ description: 'A strategy of the same team.' });

export const itemTypeNames = {
  strategy: { singular: 'Strategy', plural: 'strategies', label: 'strategy' },
  kpi: { singular: 'Kpi', plural: 'kpis', label: 'KPI' },
  action: { singular: 'Action', plural: 'actions', label: 'action' },
} as const;

/** The schemas of one item type, named for the OpenAPI document (Strategy, NewStrategy, …). */
export function planItemSchemas(type: ItemType) {
  const { singular: name, plural } = itemTypeNames[type];
  const underStrategy = type !== 'strategy';
  const view = z.object({
    id: Id,
    type: z.literal(type),
    title: z.string(),
    owner: Owner,
    ...(underStrategy ? { strategyId: Id } : {}),
    createdAt: Instant,
    updatedAt: Instant,
  });
  return {
    view: view.meta({ id: name }),
    list: z.object({ [plural]: z.array(view) }).meta({ id: `${name}List` }),
    create: z
      .strictObject({
        title: Name,
        ownerId: OwnerId.optional(),
        ...(underStrategy ? { strategyId: StrategyId } : {}),
      })
      .meta({ id: `New${name}` }),
    update: z
      .strictObject({
        title: Name.optional(),
        ownerId: OwnerId.optional(),
        ...(underStrategy ? { strategyId: StrategyId.optional() } : {}),
      })
      .meta({ id: `${name}Changes`, description: 'Only the properties sent are changed.' }),
    query: underStrategy
      ? z.object({ strategyId: Id.optional().meta({ description: 'Only the items under this strategy.' }) })
      : undefined,
  };
}

export interface PlanItemView {
  id: string;
  type: ItemType;
  title: string;
  owner: { id: string; name: string };
  strategyId?: string;
  createdAt: string;
  updatedAt: string;
}

/** `item.owner` must be loaded. */
export function planItemView(item: PlanItem): PlanItemView {
  const owner = item.owner.getEntity();
  // The self-reference's type is not inferred through defineEntity; it is a PlanItem reference.
  const strategy = item.strategy as { id: string } | null | undefined;
  return {
    id: item.id,
    type: item.type,
    title: item.title,
    owner: { id: owner.id, name: owner.name },
    ...(strategy ? { strategyId: strategy.id } : {}),
    createdAt: instant(item.createdAt),
    updatedAt: instant(item.updatedAt),
  };
}
