// The authorization helpers other modules (the sessions endpoints) build on.
import type { Role } from '@rhythm/domain';
import type { Membership } from '@rhythm/persistence';
import {
  Access,
  canWriteReport,
  hasRole,
  isAdministrator,
  requireMembership,
  requireRole,
  type TeamMember,
} from '../src/auth/access.js';
import { ForbiddenError, NotFoundError } from '../src/errors.js';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});
const member = (actor: keyof World['users']) =>
  requireMembership(testApp().orm.em.fork(), world.users[actor], world.team.id);

describe('requireMembership', () => {
  it('gives the caller’s team and roles', async () => {
    const found = await member('processOwner');
    expect(found.team.id).toBe(world.team.id);
    expect(found.roles).toEqual(['process_owner']);
    expect([isAdministrator(found), hasRole(found, 'process_owner')]).toEqual([false, true]);
  });

  it('is the same NotFoundError for someone else’s team and for no team', async () => {
    await expect(member('outsider')).rejects.toThrow(new NotFoundError(`Team ${world.team.id} not found.`));
    const none = requireMembership(
      testApp().orm.em.fork(),
      world.users.administrator,
      '01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c',
    );
    await expect(none).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('requireRole', () => {
  it('passes any of the roles and refuses others with ForbiddenError naming them', async () => {
    expect(() => requireRole(withRoles('process_owner'), 'administrator', 'process_owner')).not.toThrow();
    expect(() => requireRole(withRoles('member'), 'administrator', 'process_owner')).toThrow(
      new ForbiddenError('Only a team administrator or process owner may do this.'),
    );
    expect(() => requireRole(withRoles('member'), 'administrator', 'process_owner')).toThrow(ForbiddenError);
  });

  it('through Access: membership looked up once per request, roles checked each time', async () => {
    const access = new Access(testApp().orm.em.fork(), world.users.member);
    const first = await access.requireMembership(world.team.id);
    expect(await access.requireMembership(world.team.id)).toBe(first);
    await expect(access.requireMembership(world.team.id, 'administrator')).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe('canWriteReport', () => {
  it('lets the item’s owner and administrators report, no one else, and never across teams', async () => {
    const item = { team: { id: world.team.id }, owner: { id: world.users.itemOwner.id } };
    expect(canWriteReport(await member('itemOwner'), item)).toBe(true);
    expect(canWriteReport(await member('administrator'), item)).toBe(true);
    expect(canWriteReport(await member('processOwner'), item)).toBe(false);
    expect(canWriteReport(await member('member'), item)).toBe(false);
    const foreign = { team: { id: world.otherTeam.id }, owner: { id: world.users.itemOwner.id } };
    expect(canWriteReport(await member('itemOwner'), foreign)).toBe(false);
    expect(canWriteReport(await member('administrator'), world.items.action)).toBe(true);
  });
});

function withRoles(...roles: Role[]): TeamMember {
  return { team: world.team, user: world.users.member, membership: {} as Membership, roles };
}
