import { groupByOwner, involvedItemTypes, itemsInvolved } from './involvement.js';
import type { PlanItem } from './involvement.js';

const items: (PlanItem & { title: string })[] = [
  { id: 's1', type: 'strategy', ownerId: 'ann', title: 'Grow in Germany' },
  { id: 'k1', type: 'kpi', ownerId: 'bob', title: 'German revenue' },
  { id: 'a1', type: 'action', ownerId: 'bob', title: 'Hire a sales lead' },
  { id: 'a2', type: 'action', ownerId: 'ann', title: 'Open a Berlin office' },
  { id: 'a3', type: 'action', ownerId: 'cas', title: 'Translate the site' },
];

describe('involvedItemTypes', () => {
  it('involves actions in a doing session', () => {
    expect(involvedItemTypes('doing')).toEqual(['action']);
  });

  it('involves strategies, KPIs and actions in a steering session', () => {
    expect(involvedItemTypes('steering')).toEqual(['strategy', 'kpi', 'action']);
  });
});

describe('itemsInvolved', () => {
  it('keeps only the actions for a doing session, in order', () => {
    expect(itemsInvolved('doing', items).map((item) => item.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('keeps every item for a steering session, with its extra fields', () => {
    const involved = itemsInvolved('steering', items);
    expect(involved.map((item) => item.id)).toEqual(['s1', 'k1', 'a1', 'a2', 'a3']);
    expect(involved[0]?.title).toBe('Grow in Germany');
  });

  it('involves nothing when a doing session meets a plan without actions', () => {
    expect(itemsInvolved('doing', items.slice(0, 2))).toEqual([]);
  });
});

describe('groupByOwner', () => {
  it('lists owners by their first item and keeps each owner’s items in order', () => {
    expect(
      groupByOwner(items).map(({ ownerId, items: owned }) => [ownerId, owned.map((item) => item.id)]),
    ).toEqual([
      ['ann', ['s1', 'a2']],
      ['bob', ['k1', 'a1']],
      ['cas', ['a3']],
    ]);
  });

  it('returns no owners for no items', () => {
    expect(groupByOwner([])).toEqual([]);
  });
});
