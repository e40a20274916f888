// `rhythm-db make-admin`: ops make an existing user an administrator of a team by its id or name.
import { Membership, Team, User, makeAdministrator, newId, type Orm } from '../src/index.js';
import { openMigratedTestOrm, type MigratedTestOrm } from './migrated-orm.js';

let db: MigratedTestOrm;
let orm: Orm;
beforeAll(async () => {
  db = await openMigratedTestOrm();
  orm = db.orm;
});
afterAll(async () => db?.dispose());

async function teamAndUser() {
  const em = orm.em.fork();
  const suffix = newId();
  const team = em.create(Team, { name: `Ops ${suffix}`, timeZone: 'UTC', locale: 'en', sendHour: 9 });
  const user = em.create(User, { name: 'Ivy', email: `ivy-${suffix}@example.com`, locale: null });
  await em.flush();
  return { team, user };
}

const rolesOf = async (team: Team, user: User) =>
  (await orm.em.fork().findOne(Membership, { team: team.id, user: user.id }))?.roles;

test('adds a user who is not a member as administrator, by team name, email in any case', async () => {
  const { team, user } = await teamAndUser();
  const result = await makeAdministrator(orm.em.fork(), {
    email: user.email!.toUpperCase(),
    team: team.name,
  });
  expect(result).toBe('added');
  expect(await rolesOf(team, user)).toEqual(['administrator']);
});

test('promotes a member by team id, keeping their roles, and says so when already there', async () => {
  const { team, user } = await teamAndUser();
  const em = orm.em.fork();
  em.create(Membership, { team: team.id, user: user.id, roles: ['process_owner'] });
  await em.flush();
  expect(await makeAdministrator(orm.em.fork(), { email: user.email!, team: team.id })).toBe('promoted');
  expect(await rolesOf(team, user)).toEqual(['process_owner', 'administrator']);
  expect(await makeAdministrator(orm.em.fork(), { email: user.email!, team: team.id })).toBe('already');
});

test('refuses an unknown user or team', async () => {
  const { team, user } = await teamAndUser();
  await expect(
    makeAdministrator(orm.em.fork(), { email: 'nobody@example.com', team: team.id }),
  ).rejects.toThrow('no user with the email nobody@example.com');
  await expect(
    makeAdministrator(orm.em.fork(), { email: user.email!, team: 'No such team' }),
  ).rejects.toThrow('no team No such team');
});
