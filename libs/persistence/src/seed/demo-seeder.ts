import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { addDays, todayIn, type ItemType, type Locale, type Role } from '@rhythm/domain';
import { Membership } from '../membership/membership.entity.js';
import { PlanItem } from '../plan/plan-item.entity.js';
import { Session } from '../session/session.entity.js';
import { Team } from '../team/team.entity.js';
import { User } from '../user/user.entity.js';

export const DEMO_TEAM_NAME = 'Demo team';

const demoUsers: { key: string; name: string; email: string | null; locale: Locale | null; roles: Role[] }[] =
  [
    { key: 'ada', name: 'Ada Admin', email: 'ada@example.com', locale: null, roles: ['administrator'] },
    { key: 'pim', name: 'Pim Process', email: 'pim@example.com', locale: null, roles: ['process_owner'] },
    { key: 'mia', name: 'Mia Member', email: 'mia@example.com', locale: null, roles: ['member'] },
    { key: 'noah', name: 'Noah Owner', email: 'noah@example.com', locale: 'nl', roles: ['member'] },
    // No email on purpose: the notifier must skip her and record the skip.
    { key: 'olga', name: 'Olga NoEmail', email: null, locale: null, roles: ['member'] },
  ];

// Strategies first: KPIs and actions name their strategy by key.
const demoItems: { key: string; type: ItemType; title: string; owner: string; strategy?: string }[] = [
  { key: 's1', type: 'strategy', title: 'Grow recurring revenue', owner: 'pim' },
  { key: 's2', type: 'strategy', title: 'Make onboarding effortless', owner: 'mia' },
  { key: 'k1', type: 'kpi', title: 'Monthly recurring revenue', owner: 'noah', strategy: 's1' },
  { key: 'k2', type: 'kpi', title: 'Days from signup to first value', owner: 'mia', strategy: 's2' },
  { key: 'a1', type: 'action', title: 'Launch the annual plan', owner: 'noah', strategy: 's1' },
  { key: 'a2', type: 'action', title: 'Start a partner referral programme', owner: 'olga', strategy: 's1' },
  { key: 'a3', type: 'action', title: 'Write the onboarding checklist', owner: 'mia', strategy: 's2' },
  { key: 'a4', type: 'action', title: 'Interview five new customers', owner: 'pim', strategy: 's2' },
];

export interface DemoSeedResult {
  teamId: string;
  /** False when the demo team already existed and nothing was written. */
  created: boolean;
}

/**
 * Writes the demo team, its people, plan and two upcoming sessions (a doing session 10 days and a
 * steering session 24 days after `now`, as calendar days in the team's zone). Idempotent by natural
 * key: the team by name (if it exists, nothing is written), users by email (or by name when they have
 * none), so a second run, or a run after the people were added by hand, duplicates nothing. All in
 * one transaction, so a failed run leaves nothing half-seeded.
 */
// Takes anything with an EntityManager (the ORM) rather than importing the ORM's type from orm.ts:
// orm-config.ts registers this seeder, and orm.ts builds on orm-config.ts.
export async function seedDemo(orm: { em: EntityManager }, now: Date = new Date()): Promise<DemoSeedResult> {
  return writeDemo(orm.em.fork(), now);
}

async function writeDemo(em: EntityManager, now: Date): Promise<DemoSeedResult> {
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(Team, { name: DEMO_TEAM_NAME });
    if (existing) {
      return { teamId: existing.id, created: false };
    }

    const team = tx.create(Team, {
      name: DEMO_TEAM_NAME,
      timeZone: 'Europe/Amsterdam',
      locale: 'en',
      sendHour: 9,
    });

    const users = new Map<string, User>();
    for (const { key, name, email, locale, roles } of demoUsers) {
      const user =
        (await tx.findOne(User, email ? { email } : { name, email: null })) ??
        tx.create(User, { name, email, locale });
      users.set(key, user);
      tx.create(Membership, { team, user, roles });
    }

    const items = new Map<string, PlanItem>();
    for (const { key, type, title, owner, strategy } of demoItems) {
      const item = tx.create(PlanItem, {
        team,
        type,
        title,
        owner: must(users.get(owner), owner),
        strategy: strategy ? must(items.get(strategy), strategy) : null,
      });
      items.set(key, item);
    }

    const today = todayIn(team.timeZone, now);
    for (const [kind, daysAhead] of [
      ['doing', 10],
      ['steering', 24],
    ] as const) {
      tx.create(Session, {
        team,
        date: addDays(today, daysAhead),
        kind,
        sendInvitation: true,
        sendReminder: true,
        sendEscalation: kind === 'steering', // As the API schedules it.
        repeat: 'none',
        state: 'scheduled',
      });
    }

    return { teamId: team.id, created: true };
  });
}

function must<T>(value: T | undefined, key: string): T {
  if (value === undefined) throw new Error(`demo seed data refers to unknown key "${key}"`);
  return value;
}

/**
 * The same seed as a MikroORM seeder, for `orm.seeder.seed(DemoSeeder)`. The SeedManager builds it
 * without arguments and passes no context, so `now` is the current time there; `seedDemo(orm, now)`
 * is the way to choose it.
 */
export class DemoSeeder extends Seeder<{ now?: Date }> {
  override async run(em: EntityManager, context?: { now?: Date }): Promise<void> {
    await writeDemo(em, context?.now ?? new Date());
  }
}
