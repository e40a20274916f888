// The words of the email that invites someone to join a team, per locale. Typed by `Locale`, like
// the session emails' table (messages.ts), so a locale without them fails to compile.
import type { Locale, Role } from '@rhythm/domain';

export interface InvitationFacts {
  team: string;
  inviter: string;
  /** The roles offered, already translated and joined. */
  roles: string;
  /** The last moment the link works, formatted for the locale. */
  expires: string;
}

export interface TeamInvitationMessages {
  intlLocale: string;
  role: Record<Role, string>;
  /** "member and process owner": the roles of the invitation, in the locale's list style. */
  and: string;
  subject: (facts: InvitationFacts) => string;
  preview: (facts: InvitationFacts) => string;
  greeting: string;
  intro: (facts: InvitationFacts) => string;
  accept: string;
  signIn: string;
  expiry: (facts: InvitationFacts) => string;
  notExpected: string;
  signature: string;
}

export const teamInvitationMessages: Record<Locale, TeamInvitationMessages> = {
  en: {
    intlLocale: 'en-GB',
    role: { administrator: 'administrator', process_owner: 'process owner', member: 'member' },
    and: 'and',
    subject: ({ team, inviter }) => `${inviter} invites you to join ${team} on Rhythm`,
    preview: ({ team }) => `Join ${team} on Rhythm.`,
    greeting: 'Hi,',
    intro: ({ team, inviter, roles }) =>
      `${inviter} invites you to join the team ${team} on Rhythm, as ${roles}. Rhythm schedules the team's review sessions and asks for the progress reports they need.`,
    accept: 'Accept the invitation',
    signIn: 'Sign in with this email address to accept: the invitation is for this address only.',
    expiry: ({ expires }) => `The link works until ${expires}.`,
    notExpected: 'Not expecting this? Ignore this email: nothing happens until you accept.',
    signature: 'Thanks, Rhythm',
  },
  nl: {
    intlLocale: 'nl-NL',
    role: { administrator: 'beheerder', process_owner: 'proceseigenaar', member: 'lid' },
    and: 'en',
    subject: ({ team, inviter }) => `${inviter} nodigt je uit voor ${team} in Rhythm`,
    preview: ({ team }) => `Word lid van ${team} in Rhythm.`,
    greeting: 'Hoi,',
    intro: ({ team, inviter, roles }) =>
      `${inviter} nodigt je uit voor het team ${team} in Rhythm, als ${roles}. Rhythm plant de reviewsessies van het team en vraagt om de voortgangsrapportages die ervoor nodig zijn.`,
    accept: 'Accepteer de uitnodiging',
    signIn: 'Log in met dit e-mailadres om te accepteren: de uitnodiging geldt alleen voor dit adres.',
    expiry: ({ expires }) => `De link werkt tot ${expires}.`,
    notExpected: 'Verwachtte je dit niet? Negeer deze e-mail: er gebeurt niets tot je accepteert.',
    signature: 'Bedankt, Rhythm',
  },
};
