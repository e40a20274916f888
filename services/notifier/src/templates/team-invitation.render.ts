// Renders the team invitation in the team's language: who invites, to which team and roles, the
// accept link and when it expires, in the frame of an email with one button (action-email.tsx).
import type { TeamInvitationEmail as Invitation } from '@rhythm/domain';
import { formatExpiry, renderActionEmail, tokenLink, wordsFor } from './action-email.render.js';
import type { RenderedEmail } from './render.js';
import { teamInvitationMessages } from './team-invitation.messages.js';

/** `${web}/invitations/accept?token=…`: the web app's page, which accepts signed in. */
export function acceptUrl(web: string, token: string): string {
  return tokenLink(web, 'invitations/accept', token);
}

export async function renderTeamInvitation(invitation: Invitation, web: string): Promise<RenderedEmail> {
  const t = wordsFor(teamInvitationMessages, invitation.locale);
  const roles = invitation.roles.map((role) => t.role[role]);
  const facts = {
    team: invitation.teamName,
    inviter: invitation.inviterName,
    roles: roles.length > 1 ? `${roles.slice(0, -1).join(', ')} ${t.and} ${roles.at(-1)}` : (roles[0] ?? ''),
    expires: formatExpiry(invitation.expiresAt, t.intlLocale),
  };
  return renderActionEmail(t.subject(facts), {
    locale: invitation.locale,
    preview: t.preview(facts),
    heading: facts.team,
    intro: [t.greeting, t.intro(facts)],
    action: { href: acceptUrl(web, invitation.token), label: t.accept },
    notes: [t.signIn, t.expiry(facts)],
    footer: [t.notExpected, t.signature],
  });
}
