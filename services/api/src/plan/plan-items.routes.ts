// The plan: strategies, and the KPIs and actions under them. Members read it; administrators
// create, change (title, owner, strategy) and delete items. The three kinds share one table, so
// one factory makes the four routes of each kind. A new item or a new owner is passed on to the
// team's scheduled sessions (the session service's onPlanChanged) inside the change's transaction.
import type { ItemType } from '@rhythm/domain';
import { Membership, PlanItem, type EntityManager, type User } from '@rhythm/persistence';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { TeamParams } from '../http/common.schemas.js';
import { defineRoute, type Route } from '../http/route.js';
import { ItemParams, itemTypeNames, planItemSchemas, planItemView } from './plan-items.schemas.js';

const administrators = { roles: ['administrator'] as const };

export function planItemRoutes(type: ItemType): Route[] {
  const { singular, plural, label } = itemTypeNames[type];
  const schemas = planItemSchemas(type);
  const collection = `/api/teams/{teamId}/${plural}`;
  const Plural = plural[0]!.toUpperCase() + plural.slice(1);
  const tags = ['plan'];
  const a = type === 'action' ? 'an' : 'a';

  const list = defineRoute({
    method: 'get',
    path: collection,
    operationId: `list${Plural}`,
    summary: `The team’s ${type === 'kpi' ? 'KPIs' : plural}`,
    tags,
    team: {},
    request: { params: TeamParams, query: schemas.query },
    responses: { 200: schemas.list },
    handler: async ({ member, query, em }) => {
      const strategyId = query?.strategyId;
      const items = await em.find(
        PlanItem,
        { team: member.team.id, type, ...(strategyId ? { strategy: strategyId } : {}) },
        { populate: ['owner'], orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      return { status: 200, body: { [plural]: items.map(planItemView) } };
    },
  });

  const create = defineRoute({
    method: 'post',
    path: collection,
    operationId: `create${singular}`,
    summary: `Add ${a} ${label} to the plan (administrators)`,
    description:
      'Scheduled sessions that involve it are told before the item is kept: one whose invitation went out invites its owner within a minute. If they cannot be told, nothing changes (503).',
    tags,
    team: administrators,
    request: { params: TeamParams, body: schemas.create },
    responses: { 201: schemas.view },
    problems: [503],
    handler: async ({ member, body, caller, em, deps }) => {
      const item = await em.transactional(async (tx) => {
        const owner = body.ownerId ? await teamMember(tx, member.team.id, body.ownerId) : caller;
        const strategy =
          type === 'strategy'
            ? null
            : await teamStrategy(tx, member.team.id, (body as { strategyId: string }).strategyId);
        const item = tx.create(PlanItem, { team: member.team.id, type, title: body.title, owner, strategy });
        await tx.flush();
        // Inside the transaction: sessions already invited invite the new owner, or nothing changes.
        await deps.sessions.onPlanChanged(member.team.id, type);
        return item;
      });
      return { status: 201, body: planItemView(item) };
    },
  });

  const update = defineRoute({
    method: 'patch',
    path: `${collection}/{itemId}`,
    operationId: `update${singular}`,
    summary: `Change ${a} ${label}’s title, owner${type === 'strategy' ? '' : ' or strategy'} (administrators)`,
    description:
      'A new owner is passed on to the scheduled sessions that involve the item before the change is kept, and invited by those whose invitation went out. If they cannot be told, nothing changes (503).',
    tags,
    team: administrators,
    request: { params: ItemParams, body: schemas.update },
    responses: { 200: schemas.view },
    problems: [404, 503],
    handler: async ({ member, params, body, em, deps }) => {
      const item = await em.transactional(async (tx) => {
        const item = await teamItem(tx, member.team.id, type, params.itemId);
        const ownerBefore = item.owner.id;
        const changes = body as { title?: string; ownerId?: string; strategyId?: string };
        tx.assign(item, {
          ...(changes.title !== undefined ? { title: changes.title } : {}),
          ...(changes.ownerId !== undefined
            ? { owner: await teamMember(tx, member.team.id, changes.ownerId) }
            : {}),
          ...(changes.strategyId !== undefined
            ? { strategy: await teamStrategy(tx, member.team.id, changes.strategyId) }
            : {}),
        });
        await tx.flush();
        // A new owner is invited by the sessions already invited; if they cannot be told, no change.
        if (item.owner.id !== ownerBefore) await deps.sessions.onPlanChanged(member.team.id, type);
        return item;
      });
      return { status: 200, body: planItemView(item) };
    },
  });

  const remove = defineRoute({
    method: 'delete',
    path: `${collection}/{itemId}`,
    operationId: `delete${singular}`,
    summary: `Delete ${a} ${label} and its progress reports (administrators)`,
    description:
      type === 'strategy'
        ? 'A strategy that still has KPIs or actions cannot be deleted (409): delete or move them first.'
        : undefined,
    tags,
    team: administrators,
    request: { params: ItemParams },
    responses: { 204: null },
    problems: type === 'strategy' ? [404, 409] : [404],
    handler: async ({ member, params, em }) => {
      const item = await teamItem(em, member.team.id, type, params.itemId);
      if (type === 'strategy' && (await em.count(PlanItem, { strategy: item.id }))) {
        throw new ConflictError('This strategy still has KPIs or actions: delete or move them first.');
      }
      await em.remove(item).flush();
      return { status: 204 };
    },
  });

  return [list, create, update, remove];
}

async function teamItem(
  em: EntityManager,
  teamId: string,
  type: ItemType,
  itemId: string,
): Promise<PlanItem> {
  const item = await em.findOne(PlanItem, { id: itemId, team: teamId, type }, { populate: ['owner'] });
  if (!item) throw new NotFoundError(`No ${itemTypeNames[type].label} ${itemId} in this team.`);
  return item;
}

/** Owners are members of the item's team: an invitation to report goes to people in the team. */
async function teamMember(em: EntityManager, teamId: string, userId: string): Promise<User> {
  const membership = await em.findOne(Membership, { team: teamId, user: userId }, { populate: ['user'] });
  if (!membership) throw InvalidInputError.field('body.ownerId', 'Not a member of this team');
  return membership.user.getEntity();
}

async function teamStrategy(em: EntityManager, teamId: string, strategyId: string): Promise<PlanItem> {
  const strategy = await em.findOne(PlanItem, { id: strategyId, team: teamId, type: 'strategy' });
  if (!strategy) throw InvalidInputError.field('body.strategyId', 'No strategy with this id in this team');
  return strategy;
}

export const planRoutes = [
  ...planItemRoutes('strategy'),
  ...planItemRoutes('kpi'),
  ...planItemRoutes('action'),
];
