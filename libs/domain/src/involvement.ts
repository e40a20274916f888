// Which plan items a session reviews, and whose they are: the invitation and the reminder go to
// owners, each listing only their own items.
import type { ItemType, SessionKind } from './vocabulary.js';

/** The fields of a plan item (strategy, KPI or action) that the rules need; callers may carry more. */
export interface PlanItem {
  id: string;
  type: ItemType;
  ownerId: string;
}

// Doing reviews whether things are done right (actions); steering whether the right things are
// done (strategies and their KPIs), and looks at the actions under them too.
const INVOLVED: Readonly<Record<SessionKind, readonly ItemType[]>> = {
  doing: ['action'],
  steering: ['strategy', 'kpi', 'action'],
};

export function involvedItemTypes(kind: SessionKind): readonly ItemType[] {
  return INVOLVED[kind];
}

/** The items a session of `kind` involves, in their given order. */
export function itemsInvolved<T extends Pick<PlanItem, 'type'>>(kind: SessionKind, items: readonly T[]): T[] {
  const types = INVOLVED[kind];
  return items.filter((item) => types.includes(item.type));
}

export interface OwnerItems<T> {
  ownerId: string;
  items: T[];
}

/** Items grouped by owner: owners in order of their first item, each owner's items in given order. */
export function groupByOwner<T extends Pick<PlanItem, 'ownerId'>>(items: readonly T[]): OwnerItems<T>[] {
  const byOwner = new Map<string, T[]>();
  for (const item of items) {
    const own = byOwner.get(item.ownerId);
    if (own) own.push(item);
    else byOwner.set(item.ownerId, [item]);
  }
  return [...byOwner].map(([ownerId, owned]) => ({ ownerId, items: owned }));
}
