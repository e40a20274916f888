// The team invitation email: rendered in the team's language with the accept link, sent once
// under its idempotency key through the local Resend server (a retried activity is replayed, not
// sent again), and a refused address is the outcome `failed`, not an activity failure.
import { teamInvitationKey, type Locale, type TeamInvitationEmail } from '@rhythm/domain';
import { randomUUID } from 'node:crypto';
import { renderTeamInvitation } from '../src/templates/team-invitation.render.js';
import { LINKS, openHarness, type Harness } from './harness.js';
import { itSendsOneEmailOnce } from './single-email.cases.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.dispose());

function invitation(overrides: Partial<TeamInvitationEmail> = {}): TeamInvitationEmail {
  const invitationId = randomUUID();
  return {
    idempotencyKey: teamInvitationKey(invitationId, 1),
    invitationId,
    to: `new-${invitationId}@example.com`,
    locale: 'en',
    teamName: 'Northwind <Ops>',
    inviterName: 'Ada Admin',
    roles: ['member', 'process_owner'],
    token: 'secret token/+=',
    // Computed from now: no date bombs.
    expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    ...overrides,
  };
}

const acceptLink = 'http://web.test/invitations/accept?token=secret%20token%2F%2B%3D';

describe.each<[Locale, RegExp, RegExp]>([
  ['en', /Ada Admin invites you to join Northwind <Ops> on Rhythm/, /member and process owner/],
  ['nl', /Ada Admin nodigt je uit voor Northwind <Ops> in Rhythm/, /lid en proceseigenaar/],
])('the invitation in %s', (locale, subject, roles) => {
  it('names the inviter, team and roles, links the accept page and says until when', async () => {
    const rendered = await renderTeamInvitation(invitation({ locale }), LINKS.web);
    expect(rendered.subject).toMatch(subject);
    expect(rendered.text).toMatch(roles);
    expect(rendered.html).toContain(`href="${acceptLink}"`);
    expect(rendered.html).toContain('Northwind &lt;Ops&gt;');
    expect(rendered.html).not.toContain('<Ops>');
    expect(rendered.text).toContain(acceptLink);
    expect(rendered.text).toMatch(locale === 'en' ? /works until/ : /werkt tot/);
  });
});

itSendsOneEmailOnce(
  () => h,
  (activities, email) => activities.sendTeamInvitation(email),
  invitation,
  'Ada Admin invites you to join Northwind <Ops> on Rhythm',
);
