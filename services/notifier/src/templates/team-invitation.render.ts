// Renders the team invitation with React Email directly. Not through the compiled fast path
// (compile.ts, fill.ts): that one is for session emails sent by the thousand at the provider's
// rate, and its structures are a session's; an invitation goes one at a time, when an
// administrator asks, so the few milliseconds of React Email do not matter.
import type { TeamInvitationEmail as Invitation } from '@rhythm/domain';
import { render, toPlainText } from '@react-email/render';
import { createElement } from 'react';
import type { RenderedEmail } from './render.js';
import { TeamInvitationEmail } from './team-invitation.email.js';
import { teamInvitationMessages } from './team-invitation.messages.js';

/** `${web}/invitations/accept?token=…`: the web app's page, which accepts signed in. */
export function acceptUrl(web: string, token: string): string {
  return `${web.replace(/\/+$/, '')}/invitations/accept?token=${encodeURIComponent(token)}`;
}

export async function renderTeamInvitation(invitation: Invitation, web: string): Promise<RenderedEmail> {
  // The message crossed a process boundary as JSON; fail loudly rather than send a half-empty email.
  if (!Object.hasOwn(teamInvitationMessages, invitation.locale))
    throw new RangeError(`No translations for locale ${String(invitation.locale)}`);
  const t = teamInvitationMessages[invitation.locale];
  const roles = invitation.roles.map((role) => t.role[role]);
  const facts = {
    team: invitation.teamName,
    inviter: invitation.inviterName,
    roles: roles.length > 1 ? `${roles.slice(0, -1).join(', ')} ${t.and} ${roles.at(-1)}` : (roles[0] ?? ''),
    // The invitee's zone is unknown (they may have no account yet): UTC, and said so.
    expires: `${new Intl.DateTimeFormat(t.intlLocale, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date(invitation.expiresAt))} UTC`,
  };
  const model = { locale: invitation.locale, t, facts, acceptUrl: acceptUrl(web, invitation.token) };
  const html = await render(createElement(TeamInvitationEmail, { model }));
  return {
    // A subject is one header line: a line break in a team name must not split it.
    subject: t.subject(facts).replace(/\s+/g, ' ').trim(),
    html,
    text: toPlainText(html),
  };
}
