// The words of the email that carries a sign-in link, per locale. Typed by `Locale`, like the
// other tables, so a locale without them fails to compile.
import type { Locale } from '@rhythm/domain';

export interface SignInLinkFacts {
  /** The last moment the link works, formatted for the locale. */
  expires: string;
}

export interface SignInLinkMessages {
  intlLocale: string;
  subject: string;
  preview: string;
  greeting: string;
  intro: string;
  signIn: string;
  /** Once, until when, and only in the asking browser: why a forwarded or late link fails. */
  conditions: (facts: SignInLinkFacts) => string;
  notAsked: string;
  signature: string;
}

export const signInLinkMessages: Record<Locale, SignInLinkMessages> = {
  en: {
    intlLocale: 'en-GB',
    subject: 'Your sign-in link for Rhythm',
    preview: 'Sign in to Rhythm with this link.',
    greeting: 'Hi,',
    intro: 'You asked to sign in to Rhythm with this email address. Use the button below to sign in.',
    signIn: 'Sign in to Rhythm',
    conditions: ({ expires }) =>
      `The link works once, until ${expires}, and only in the browser where you asked for it.`,
    notAsked: 'If you did not ask to sign in, ignore this email: nobody signs in without this link.',
    signature: 'Thanks, Rhythm',
  },
  nl: {
    intlLocale: 'nl-NL',
    subject: 'Je inloglink voor Rhythm',
    preview: 'Log in bij Rhythm met deze link.',
    greeting: 'Hoi,',
    intro: 'Je vroeg om in te loggen bij Rhythm met dit e-mailadres. Log in met de knop hieronder.',
    signIn: 'Inloggen bij Rhythm',
    conditions: ({ expires }) =>
      `De link werkt één keer, tot ${expires}, en alleen in de browser waarin je erom vroeg.`,
    notAsked: 'Heb je niet gevraagd om in te loggen? Negeer deze e-mail: zonder deze link logt niemand in.',
    signature: 'Bedankt, Rhythm',
  },
};
