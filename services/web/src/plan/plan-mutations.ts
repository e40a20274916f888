// The plan's writes, one route per item type (the API keeps strategies, KPIs and actions apart).
import type { ApiClient } from '../api/client';
import type { Action, Kpi, Strategy } from '../api/team-queries';
import { ok } from '../api/client';
import { useWrite } from '../teams/team-mutations';
import type { ImportType } from './plan-import';
import type { NewItem } from './import-save';

export interface ItemChanges {
  title?: string;
  ownerId?: string;
  strategyId?: string;
}

/** Adds one item of any type; the import sends its rows through this too. */
type PlanItem = Strategy | Kpi | Action;

export function createItem(
  api: ApiClient,
  teamId: string,
  type: ImportType,
  item: NewItem,
): Promise<PlanItem> {
  const path = { params: { path: { teamId } } };
  if (type === 'strategy')
    return ok(
      api.POST('/api/teams/{teamId}/strategies', { ...path, body: { title: item.title, ...owner(item) } }),
    );
  const body = { title: item.title, strategyId: item.strategyId!, ...owner(item) };
  return type === 'kpi'
    ? ok(api.POST('/api/teams/{teamId}/kpis', { ...path, body }))
    : ok(api.POST('/api/teams/{teamId}/actions', { ...path, body }));
}

const owner = (item: { ownerId?: string }) => (item.ownerId ? { ownerId: item.ownerId } : {});

export const useCreateItem = (teamId: string) =>
  useWrite(teamId, (api, { type, item }: { type: ImportType; item: NewItem }) =>
    createItem(api, teamId, type, item),
  );

function updateItem(
  api: ApiClient,
  teamId: string,
  type: ImportType,
  itemId: string,
  changes: ItemChanges,
): Promise<PlanItem> {
  const params = { path: { teamId, itemId } };
  if (type === 'strategy') {
    const { strategyId: _, ...body } = changes;
    return ok(api.PATCH('/api/teams/{teamId}/strategies/{itemId}', { params, body }));
  }
  return type === 'kpi'
    ? ok(api.PATCH('/api/teams/{teamId}/kpis/{itemId}', { params, body: changes }))
    : ok(api.PATCH('/api/teams/{teamId}/actions/{itemId}', { params, body: changes }));
}

export const useUpdateItem = (teamId: string) =>
  useWrite(teamId, (api, edit: { type: ImportType; itemId: string; changes: ItemChanges }) =>
    updateItem(api, teamId, edit.type, edit.itemId, edit.changes),
  );

export const useDeleteItem = (teamId: string) =>
  useWrite(teamId, (api, { type, itemId }: { type: ImportType; itemId: string }) => {
    const params = { path: { teamId, itemId } };
    if (type === 'strategy') return ok(api.DELETE('/api/teams/{teamId}/strategies/{itemId}', { params }));
    return type === 'kpi'
      ? ok(api.DELETE('/api/teams/{teamId}/kpis/{itemId}', { params }))
      : ok(api.DELETE('/api/teams/{teamId}/actions/{itemId}', { params }));
  });
