// `team-invitation-<id>-<send>`, as the API starts it (inside the transaction that writes the
// invitation): it emails the invitation through the notifier once the write is committed, drops a
// send that is no longer current, and sends nothing for a write that never commits.
import { teamInvitationKey, type TeamInvitationEmail } from '@rhythm/domain';
import { Invitation, Team, newId } from '@rhythm/persistence';
import { startTeamInvitationEmail } from '@rhythm/session-lifecycle';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { useSessionHarness } from './support/session-harness.js';

const t = useSessionHarness();

async function team(): Promise<Team> {
  const em = t.orm.em.fork();
  const created = em.create(Team, { name: 'Northwind', timeZone: 'UTC', locale: 'en', sendHour: 9 });
  await em.flush();
  return created;
}

function email(invitationId: string, send: number, expiresAt: Date): TeamInvitationEmail {
  return {
    idempotencyKey: teamInvitationKey(invitationId, send),
    invitationId,
    to: `new-${invitationId}@example.com`,
    locale: 'en',
    teamName: 'Northwind',
    inviterName: 'Ada',
    roles: ['member'],
    token: `token-${send}`,
    expiresAt: expiresAt.toISOString(),
  };
}

async function writeInvitation(id: string, teamId: string, changes: Partial<Invitation> = {}) {
  const em = t.orm.em.fork();
  const expiresAt = new Date((await t.env.currentTimeMs()) + 7 * 86_400_000);
  em.create(Invitation, {
    id,
    team: teamId,
    email: `new-${id}@example.com`,
    roles: ['member'],
    invitedBy: null,
    tokenHash: `hash-${id}-${changes.sends ?? 1}`,
    expiresAt,
    acceptedAt: null,
    revokedAt: null,
    ...changes,
  });
  await em.flush();
  return expiresAt;
}

/** Starts as the API does and returns the handle (recorded with the scenario). */
async function start(invitationId: string, send: number, expiresAt: Date): Promise<WorkflowHandle> {
  const ctx = { client: t.env.client, taskQueue: t.taskQueue };
  expect(await startTeamInvitationEmail(ctx, send, email(invitationId, send, expiresAt))).toBe(true);
  // A retried request finds it started: no second workflow, no second email.
  expect(await startTeamInvitationEmail(ctx, send, email(invitationId, send, expiresAt))).toBe(false);
  const handle = t.env.client.workflow.getHandle(`team-invitation-${invitationId}-${send}`);
  t.startedThisTest.push(handle);
  return handle;
}

/** The result, without letting the test server skip ahead to later timers. */
const result = (handle: WorkflowHandle) =>
  new Client({ connection: t.env.connection }).workflow.getHandle(handle.workflowId).result();

const sentTo = (invitationId: string) =>
  t.notifier.invitations.filter((sent) => sent.invitationId === invitationId).map((sent) => sent.token);

describe('team invitation workflow', () => {
  it('emails the invitation once the write is committed', async () => {
    const { id: teamId } = await team();
    const id = newId();
    const expiresAt = new Date((await t.env.currentTimeMs()) + 7 * 86_400_000);
    const handle = await start(id, 1, expiresAt); // Started before the COMMIT, as the API does.
    await t.env.sleep('3s');
    await writeInvitation(id, teamId);
    expect(await result(handle)).toBe('sent');
    expect(sentTo(id)).toEqual(['token-1']);
  });

  it('sends nothing for a send that is no longer current (sent again, or revoked)', async () => {
    const { id: teamId } = await team();
    const id = newId();
    const expiresAt = await writeInvitation(id, teamId, { sends: 2 });
    expect(await result(await start(id, 1, expiresAt))).toBe('stale');
    const revoked = newId();
    await writeInvitation(revoked, teamId, { revokedAt: new Date() });
    expect(await result(await start(revoked, 1, expiresAt))).toBe('stale');
    expect([...sentTo(id), ...sentTo(revoked)]).toEqual([]);
  });

  it('sends nothing when the write never commits (rolled back)', async () => {
    const id = newId();
    const handle = await start(id, 1, new Date((await t.env.currentTimeMs()) + 86_400_000));
    await t.env.sleep('31s');
    expect(await result(handle)).toBe('not committed');
    expect(sentTo(id)).toEqual([]);
  });
});
