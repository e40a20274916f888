import {
  CheckConstraintViolationException,
  UniqueConstraintViolationException,
  type EntityManager,
} from '@mikro-orm/core';
import {
  DEMO_TEAM_NAME,
  Delivery,
  EmailBatch,
  EmailClaim,
  Membership,
  PlanItem,
  ProgressReport,
  Session,
  Team,
  User,
  seedDemo,
  type Orm,
} from '../src/index.js';
import { openMigratedTestOrm, type MigratedTestOrm } from './migrated-orm.js';

let db: MigratedTestOrm;
let orm: Orm;

beforeAll(async () => {
  db = await openMigratedTestOrm();
  orm = db.orm;
  await seedDemo(orm, new Date('2026-03-20T12:00:00Z'));
});

afterAll(async () => {
  await db?.dispose();
});

async function demo(em: EntityManager) {
  const session = await em.findOneOrFail(Session, { kind: 'doing' });
  const user = await em.findOneOrFail(User, { email: 'mia@example.com' });
  const item = await em.findOneOrFail(PlanItem, { type: 'action', owner: user });
  return { session, user, item };
}

describe('delivery', () => {
  test('one per session, user, step and session date', async () => {
    const em = orm.em.fork();
    const { session, user } = await demo(em);
    const delivery = (idempotencyKey: string, sessionDate = session.date) =>
      em.create(Delivery, { session, user, step: 'invitation', sessionDate, idempotencyKey, state: 'sent' });

    delivery('invitation-1');
    await em.flush();

    delivery('invitation-2');
    await expect(em.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });

  test('the same step for a new date (the session moved) is another delivery', async () => {
    const em = orm.em.fork();
    const { session, user } = await demo(em);
    em.create(Delivery, {
      session,
      user,
      step: 'invitation',
      sessionDate: '2026-04-02',
      idempotencyKey: 'invitation-moved',
      state: 'sent',
    });
    await expect(em.flush()).resolves.toBeUndefined();
  });

  test('an idempotency key is used once', async () => {
    const em = orm.em.fork();
    const { session, user } = await demo(em);
    em.create(Delivery, {
      session,
      user,
      step: 'reminder',
      sessionDate: session.date,
      idempotencyKey: 'invitation-1',
      state: 'sent',
    });
    await expect(em.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });
});

describe('progress report', () => {
  const report = async (em: EntityManager, progress: number) => {
    const { item, user } = await demo(em);
    em.create(ProgressReport, {
      item,
      author: user,
      progress,
      trafficLight: 'green',
      explanation: 'On track.',
    });
    return em.flush();
  };

  test('progress above 100 is rejected by the database', async () => {
    await expect(report(orm.em.fork(), 101)).rejects.toBeInstanceOf(CheckConstraintViolationException);
  });

  test('negative progress is rejected by the database', async () => {
    await expect(report(orm.em.fork(), -1)).rejects.toBeInstanceOf(CheckConstraintViolationException);
  });

  test('0 and 100 are accepted', async () => {
    await expect(report(orm.em.fork(), 0)).resolves.toBeUndefined();
    await expect(report(orm.em.fork(), 100)).resolves.toBeUndefined();
  });
});

test('a KPI or action must sit under a strategy, a strategy under nothing', async () => {
  const em = orm.em.fork();
  const { item, user } = await demo(em);
  const team = await em.findOneOrFail(Team, { name: DEMO_TEAM_NAME });
  em.create(PlanItem, { team, type: 'kpi', title: 'Orphan KPI', owner: user, strategy: null });
  await expect(em.flush()).rejects.toBeInstanceOf(CheckConstraintViolationException);

  const em2 = orm.em.fork();
  em2.create(PlanItem, {
    team: team.id,
    type: 'strategy',
    title: 'Nested',
    owner: user.id,
    strategy: item.id,
  });
  await expect(em2.flush()).rejects.toBeInstanceOf(CheckConstraintViolationException);
});

test('a user is a member of a team once', async () => {
  const em = orm.em.fork();
  const membership = await em.findOneOrFail(Membership, { user: { email: 'ada@example.com' } });
  em.create(Membership, { team: membership.team, user: membership.user, roles: ['member'] });
  await expect(em.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
});

function batch(idempotencyKey: string) {
  return orm.em.fork().create(EmailBatch, { idempotencyKey, lane: 'urgent', emails: '[]', members: [] });
}

describe('email batches and their claims', () => {
  test('an email is held by one batch at a time', async () => {
    const em = orm.em.fork();
    const [first, second] = [batch('rhythm-batch/one'), batch('rhythm-batch/two')];
    em.persist([first, second]);
    em.create(EmailClaim, { idempotencyKey: 'email-1', batch: first });
    await em.flush();

    const other = orm.em.fork();
    other.create(EmailClaim, { idempotencyKey: 'email-1', batch: second.id });
    await expect(other.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });

  test('a batch is only pending, sent or refused', async () => {
    const em = orm.em.fork();
    em.persist(batch('rhythm-batch/odd'));
    await em.flush();
    await expect(
      em.execute(`update "email_batch" set "state" = 'lost' where "idempotency_key" = ?`, [
        'rhythm-batch/odd',
      ]),
    ).rejects.toBeInstanceOf(CheckConstraintViolationException);
  });

  test('purging a batch lets go of its claims', async () => {
    const em = orm.em.fork();
    const old = batch('rhythm-batch/old');
    em.persist(old);
    em.create(EmailClaim, { idempotencyKey: 'email-old', batch: old });
    await em.flush();

    await orm.em.fork().nativeDelete(EmailBatch, { id: old.id });

    expect(await orm.em.fork().count(EmailClaim, { idempotencyKey: 'email-old' })).toBe(0);
  });
});
