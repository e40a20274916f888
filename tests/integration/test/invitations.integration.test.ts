// Joining by invitation end to end: the built API, workflows worker and notifier as processes, on
// the Temporal dev server and PostgreSQL, the email sent through the real Resend SDK to the local
// Resend-compatible server. An administrator invites an address; the email carries the accept
// link; the person, signed in with that address, follows it and is a member.
import { User } from '@rhythm/persistence';
import { createTeam } from '@rhythm/persistence/testing';
import { eventually } from '@rhythm/testing';
import { useSessionEmailsStack } from './session-emails.stack.js';

const stack = useSessionEmailsStack();
const { api, signInAdministrator } = stack;

it('emails the invitation with its link, and accepting it as that address makes a member', async () => {
  const fixture = await createTeam(stack.orm);
  const token = await signInAdministrator(fixture);
  const address = `ivy-${fixture.team.id}@example.com`;
  const em = stack.orm.em.fork();
  em.create(User, { name: 'Ivy', email: address, locale: null });
  await em.flush();

  const invited = await api(token, 'POST', `/api/teams/${fixture.team.id}/invitations`, {
    email: address,
    roles: ['member'],
  });
  expect(invited.status).toBe(201);
  const sent = () => stack.resend.emails.filter((email) => email.to.includes(address));
  await eventually(async () => sent().length === 1, 'the invitation email');
  const [email] = sent();
  expect(email!.subject).toContain(fixture.team.name);
  const link = /http:\/\/localhost:3000\/invitations\/accept\?token=([A-Za-z0-9_-]+)/.exec(email!.text ?? '');
  expect(link).not.toBeNull();

  const { body } = await api(null, 'POST', '/api/dev/token', { email: address });
  const ivy = body.token as string;
  const accepted = await api(ivy, 'POST', '/api/invitations/accept', { token: link![1] });
  expect(accepted.status).toBe(200);
  const me = await api(ivy, 'GET', '/api/me');
  expect((me.body.teams as { id: string }[]).map((team) => team.id)).toContain(fixture.team.id);
  // Sending it again would be a new email with a new link; this one's link is used up.
  expect((await api(ivy, 'POST', '/api/invitations/accept', { token: link![1] })).status).toBe(409);
});
