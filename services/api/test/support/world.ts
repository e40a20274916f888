// A team with one person in each position the permission rules distinguish, plus a user of
// another team, written straight to the database. `create` makes fresh targets for tests that
// change or delete things, so that each call meets the same state.
import {
  addDays,
  todayIn,
  type ItemType,
  type Role,
  type SessionKind,
  type SessionRepeat,
} from '@rhythm/domain';
import { EmailSuppression, Invitation, Membership, PlanItem, Team, User, newId } from '@rhythm/persistence';
import { secretHash as tokenHash } from '../../src/auth/secrets.js';
import type { SessionView } from '../../src/sessions/index.js';
import type { TestApp } from './test-app.js';
import { newSession } from './new-session.js';

export const actors = [
  'administrator',
  'processOwner',
  'member',
  'itemOwner',
  'outsider',
  'anonymous',
] as const;
export type Actor = (typeof actors)[number];

export interface World {
  team: Team;
  otherTeam: Team;
  users: Record<Exclude<Actor, 'anonymous'>, User>;
  /** The bearer token of each actor; none for anonymous. */
  tokens: Record<Actor, string | null>;
  /** Items owned by itemOwner. */
  items: { strategy: PlanItem; kpi: PlanItem; action: PlanItem };
  /** Marks an address as bounced, as a Resend webhook would. */
  suppress(address: string): Promise<void>;
  create: {
    user(name?: string, email?: string | null): Promise<User>;
    member(roles?: Role[]): Promise<User>;
    /** A team of its own with these members (and nobody else), for changes the shared team must not see. */
    team(members: { user: User; roles: Role[] }[]): Promise<Team>;
    /** A pending invitation to `email` (a fresh address by default), whose link's secret is `token`. */
    invitation(options?: { teamId?: string; email?: string; token?: string }): Promise<Invitation>;
    item(type: ItemType, owner?: User, strategy?: PlanItem): Promise<PlanItem>;
    /** A scheduled session `daysAhead` days from today (team time), with its workflow on the app's task queue. */
    session(options?: {
      daysAhead?: number;
      kind?: SessionKind;
      repeat?: SessionRepeat;
    }): Promise<SessionView>;
  };
}

export async function createWorld(testApp: TestApp): Promise<World> {
  const em = testApp.orm.em.fork();
  const suffix = newId().slice(-12);
  const team = em.create(Team, {
    name: `Team ${suffix}`,
    timeZone: 'Europe/Amsterdam',
    locale: 'en',
    sendHour: 9,
  });
  const otherTeam = em.create(Team, {
    name: `Other ${suffix}`,
    timeZone: 'Europe/London',
    locale: 'en',
    sendHour: 8,
  });
  const person = (name: string) =>
    em.create(User, { name, email: `${name.toLowerCase()}-${suffix}@example.com`, locale: null });
  const users = {
    administrator: person('Ada'),
    processOwner: person('Pim'),
    member: person('Mia'),
    itemOwner: person('Noah'),
    outsider: person('Olga'),
  };
  em.create(Membership, { team, user: users.administrator, roles: ['administrator'] });
  em.create(Membership, { team, user: users.processOwner, roles: ['process_owner'] });
  em.create(Membership, { team, user: users.member, roles: ['member'] });
  em.create(Membership, { team, user: users.itemOwner, roles: ['member'] });
  em.create(Membership, { team: otherTeam, user: users.outsider, roles: ['administrator', 'process_owner'] });
  const strategy = em.create(PlanItem, {
    team,
    type: 'strategy',
    title: 'Grow',
    owner: users.itemOwner,
    strategy: null,
  });
  const kpi = em.create(PlanItem, { team, type: 'kpi', title: 'Revenue', owner: users.itemOwner, strategy });
  const action = em.create(PlanItem, {
    team,
    type: 'action',
    title: 'Launch',
    owner: users.itemOwner,
    strategy,
  });
  await em.flush();

  const tokens = { anonymous: null } as Record<Actor, string | null>;
  for (const [actor, user] of Object.entries(users)) tokens[actor as Actor] = await testApp.token(user);

  const world: World = {
    team,
    otherTeam,
    users,
    tokens,
    items: { strategy, kpi, action },
    async suppress(address) {
      const fork = testApp.orm.em.fork();
      fork.create(EmailSuppression, { address: address.toLowerCase(), reason: 'bounced', detail: null });
      await fork.flush();
    },
    create: {
      async user(name = 'Someone', email = `someone-${newId()}@example.com`) {
        const fork = testApp.orm.em.fork();
        const user = fork.create(User, { name, email, locale: null });
        await fork.flush();
        return user;
      },
      async member(roles = ['member']) {
        const fork = testApp.orm.em.fork();
        const user = fork.create(User, {
          name: 'New member',
          email: `member-${newId()}@example.com`,
          locale: null,
        });
        fork.create(Membership, { team: team.id, user, roles });
        await fork.flush();
        return user;
      },
      async team(members) {
        const fork = testApp.orm.em.fork();
        const created = fork.create(Team, {
          name: `Team ${newId()}`,
          timeZone: 'UTC',
          locale: 'en',
          sendHour: 9,
        });
        for (const { user, roles } of members)
          fork.create(Membership, { team: created, user: user.id, roles });
        await fork.flush();
        return created;
      },
      async invitation({ teamId = team.id, email = `invitee-${newId()}@example.com`, token = newId() } = {}) {
        const fork = testApp.orm.em.fork();
        const invitation = fork.create(Invitation, {
          team: teamId,
          email,
          roles: ['member'],
          invitedBy: users.administrator.id,
          tokenHash: tokenHash(token),
          expiresAt: new Date(Date.now() + 7 * 86_400_000),
          acceptedAt: null,
          revokedAt: null,
        });
        await fork.flush();
        return invitation;
      },
      async item(type, owner = users.itemOwner, parent = strategy) {
        const fork = testApp.orm.em.fork();
        const item = fork.create(PlanItem, {
          team: team.id,
          type,
          title: `A ${type}`,
          owner: owner.id,
          strategy: type === 'strategy' ? null : parent.id,
        });
        await fork.flush();
        return item;
      },
      async session({ daysAhead = 14, kind = 'doing', repeat = 'none' } = {}) {
        const date = addDays(todayIn(team.timeZone, new Date()), daysAhead);
        return (await testApp.sessions.createSession(team.id, newSession({ date, kind, repeat }))).session;
      },
    },
  };
  return world;
}
