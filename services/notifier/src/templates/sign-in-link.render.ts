// Renders the sign-in link's email in the person's language: the link, that it works once, until
// when, and only in the browser that asked, in the frame of an email with one button
// (action-email.tsx).
import type { SignInLinkEmail } from '@rhythm/domain';
import { formatExpiry, renderActionEmail, tokenLink, wordsFor } from './action-email.render.js';
import type { RenderedEmail } from './render.js';
import { signInLinkMessages } from './sign-in-link.messages.js';

/** `${web}/sign-in/link?token=…`: the web app's page, which trades the token for a session. */
export function signInUrl(web: string, token: string): string {
  return tokenLink(web, 'sign-in/link', token);
}

export async function renderSignInLink(email: SignInLinkEmail, web: string): Promise<RenderedEmail> {
  const t = wordsFor(signInLinkMessages, email.locale);
  const facts = { expires: formatExpiry(email.expiresAt, t.intlLocale) };
  return renderActionEmail(t.subject, {
    locale: email.locale,
    preview: t.preview,
    heading: 'Rhythm',
    intro: [t.greeting, t.intro],
    action: { href: signInUrl(web, email.token), label: t.signIn },
    notes: [t.conditions(facts)],
    footer: [t.notAsked, t.signature],
  });
}
