// Invitations to join a team. The rules (issue 13, part 3):
// - an administrator invites an address; the answer never tells whether it belongs to a user (no
//   user is looked up at all), only whether it is already a member of this very team (409, no name);
// - one pending invitation per team and address: inviting again refreshes it (new link, new expiry),
//   under the team's row lock so two requests cannot make two;
// - every send makes a new secret and keeps only its SHA-256, so an older email's link stops
//   working; the email goes by a workflow started inside the transaction (503 and nothing kept when
//   Temporal does not take it);
// - the person becomes a member only by accepting, signed in with the invited address.
import type { Role, TeamInvitationEmail } from '@rhythm/domain';
import { teamInvitationKey } from '@rhythm/domain';
import { Invitation, LockMode, Membership, Team, type EntityManager, type User } from '@rhythm/persistence';
import type { TeamMember } from '../auth/access.js';
import { newSecret, secretHash as tokenHash } from '../auth/secrets.js';
import type { AppDependencies } from '../dependencies.js';
import { ConflictError, ForbiddenError, GoneError, NotFoundError } from '../errors.js';

const DAY_MS = 86_400_000;

export async function invite(
  em: EntityManager,
  deps: AppDependencies,
  admin: TeamMember,
  { email, roles = ['member'] }: { email: string; roles?: Role[] | undefined },
): Promise<Invitation> {
  return em.transactional(async (tx) => {
    const team = await lockTeam(tx, admin.team.id);
    const members = await tx.count(Membership, { team: team.id, user: { email: { $ilike: email } } });
    if (members > 0) throw new ConflictError('This address is already a member of this team.');
    const pending = await tx.findOne(Invitation, { team: team.id, email, acceptedAt: null, revokedAt: null });
    const invitation =
      pending ??
      tx.create(Invitation, {
        team,
        email,
        roles,
        invitedBy: admin.user,
        tokenHash: '',
        sends: 0,
        expiresAt: new Date(),
        acceptedAt: null,
        revokedAt: null,
      });
    // Inviting again refreshes the pending one: the latest roles and inviter, a new link and expiry.
    tx.assign(invitation, { roles: [...roles], invitedBy: admin.user.id });
    await send(tx, deps, invitation, team, admin.user);
    return invitation;
  });
}

export async function resend(
  em: EntityManager,
  deps: AppDependencies,
  admin: TeamMember,
  invitationId: string,
): Promise<Invitation> {
  return em.transactional(async (tx) => {
    const team = await lockTeam(tx, admin.team.id);
    const invitation = await openInvitation(tx, team.id, invitationId);
    await send(tx, deps, invitation, team, admin.user);
    return invitation;
  });
}

export async function revoke(em: EntityManager, admin: TeamMember, invitationId: string): Promise<void> {
  await em.transactional(async (tx) => {
    const team = await lockTeam(tx, admin.team.id);
    const invitation = await findInTeam(tx, team.id, invitationId);
    if (invitation.acceptedAt)
      throw new ConflictError('This invitation was accepted: remove the member instead.');
    invitation.revokedAt ??= new Date();
  });
}

/** Makes the caller a member with the invitation's roles, in one transaction with the invitation's end. */
export async function accept(
  em: EntityManager,
  deps: AppDependencies,
  caller: User,
  token: string,
): Promise<{ team: Team; roles: Role[] }> {
  return em.transactional(async (tx) => {
    const found = await tx.findOne(Invitation, { tokenHash: tokenHash(token) }, { fields: ['id', 'team'] });
    // A link sent again has a new secret: the old one is simply unknown.
    if (!found)
      throw new NotFoundError('No invitation for this link; if it was sent again, use the latest email.');
    const team = await lockTeam(tx, found.team.id);
    const invitation = await tx.findOneOrFail(Invitation, { id: found.id }, { refresh: true });
    if (caller.email?.toLowerCase() !== invitation.email)
      throw new ForbiddenError(
        'This invitation is for another email address: sign in with the address it was sent to.',
      );
    if (invitation.revokedAt) throw new GoneError('This invitation was revoked.');
    if (invitation.acceptedAt) throw new ConflictError('This invitation was already accepted.');
    if (invitation.expiresAt <= new Date())
      throw new GoneError('This invitation has expired; ask an administrator of the team to send it again.');
    if (await tx.count(Membership, { team: team.id, user: caller.id }))
      throw new ConflictError('You are already a member of this team.');
    const teams = await tx.count(Membership, { user: caller.id });
    if (teams >= deps.config.MAX_TEAMS_PER_USER)
      throw new ConflictError(
        `You are in ${teams} teams, the most this server allows for one person; leave one first`,
      );
    tx.create(Membership, { team, user: caller, roles: invitation.roles });
    invitation.acceptedAt = new Date();
    return { team, roles: invitation.roles };
  });
}

/** The team's pending invitations (expired ones too, to be sent again), newest first. */
export function pendingInvitations(em: EntityManager, teamId: string): Promise<Invitation[]> {
  return em.find(
    Invitation,
    { team: teamId, acceptedAt: null, revokedAt: null },
    { populate: ['invitedBy'], orderBy: { createdAt: 'desc', id: 'asc' } },
  );
}

/** A new secret, expiry and send number, written, and the email handed to its workflow before COMMIT. */
async function send(
  tx: EntityManager,
  deps: AppDependencies,
  invitation: Invitation,
  team: Team,
  inviter: User,
) {
  const token = newSecret();
  invitation.tokenHash = tokenHash(token);
  invitation.sends += 1;
  invitation.expiresAt = new Date(Date.now() + deps.config.INVITATION_TTL_DAYS * DAY_MS);
  await tx.flush();
  const email: TeamInvitationEmail = {
    idempotencyKey: teamInvitationKey(invitation.id, invitation.sends),
    invitationId: invitation.id,
    to: invitation.email,
    locale: team.locale,
    teamName: team.name,
    inviterName: inviter.name,
    roles: [...invitation.roles],
    token,
    expiresAt: invitation.expiresAt.toISOString(),
  };
  await deps.sessions.emailInvitation(invitation.sends, email);
}

async function lockTeam(tx: EntityManager, teamId: string): Promise<Team> {
  return tx.findOneOrFail(Team, { id: teamId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

async function findInTeam(tx: EntityManager, teamId: string, id: string): Promise<Invitation> {
  const invitation = await tx.findOne(Invitation, { id, team: teamId });
  if (!invitation) throw new NotFoundError(`No invitation ${id} in this team.`);
  return invitation;
}

async function openInvitation(tx: EntityManager, teamId: string, id: string): Promise<Invitation> {
  const invitation = await findInTeam(tx, teamId, id);
  if (invitation.acceptedAt) throw new ConflictError('This invitation was already accepted.');
  if (invitation.revokedAt) throw new ConflictError('This invitation was revoked: invite the address again.');
  return invitation;
}
