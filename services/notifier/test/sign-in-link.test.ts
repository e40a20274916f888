// The sign-in link's email: rendered in the person's language with the link, what it is good for
// and until when, sent once under its idempotency key through the local Resend server (a retried
// activity is replayed, not sent again), and a refused address is the outcome `failed`, not an
// activity failure.
import { signInLinkKey, type Locale, type SignInLinkEmail } from '@rhythm/domain';
import { randomUUID } from 'node:crypto';
import { renderSignInLink } from '../src/templates/sign-in-link.render.js';
import { LINKS, openHarness, type Harness } from './harness.js';
import { itSendsOneEmailOnce } from './single-email.cases.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.dispose());

function signInLink(overrides: Partial<SignInLinkEmail> = {}): SignInLinkEmail {
  const linkId = randomUUID();
  return {
    idempotencyKey: signInLinkKey(linkId),
    linkId,
    to: `person-${linkId}@example.com`,
    locale: 'en',
    token: 'secret <token>/+=&',
    // Computed from now: no date bombs.
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    ...overrides,
  };
}

const link = 'http://web.test/sign-in/link?token=secret%20%3Ctoken%3E%2F%2B%3D%26';

describe.each<[Locale, string, RegExp, RegExp, string]>([
  [
    'en',
    'Your sign-in link for Rhythm',
    /works once, until (.+ UTC), and only in the browser where you asked for it/,
    /If you did not ask to sign in, ignore this email/,
    'en-GB',
  ],
  [
    'nl',
    'Je inloglink voor Rhythm',
    /werkt één keer, tot (.+ UTC), en alleen in de browser waarin je erom vroeg/,
    /Heb je niet gevraagd om in te loggen\? Negeer deze e-mail/,
    'nl-NL',
  ],
])('the sign-in link in %s', (locale, subject, conditions, notAsked, intlLocale) => {
  it('links the sign-in page and says once, until when, in which browser, and what to do if not asked', async () => {
    const email = signInLink({ locale });
    const rendered = await renderSignInLink(email, LINKS.web);
    expect(rendered.subject).toBe(subject);
    expect(rendered.html).toContain(`lang="${locale}"`);
    // The token is escaped in the URL, and the URL in the attribute.
    expect(rendered.html).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
    expect(rendered.html).not.toContain('<token>');
    expect(rendered.text).toContain(link);
    expect(rendered.text).toMatch(notAsked);
    // The expiry in the recipient's language: the weekday and month as that locale writes them.
    const expires = rendered.text.replace(/\s+/g, ' ').match(conditions)?.[1];
    const day = new Intl.DateTimeFormat(intlLocale, { weekday: 'long', timeZone: 'UTC' });
    expect(expires).toContain(day.format(new Date(email.expiresAt)));
  });
});

// In Dutch: the subject shows the person's language reached the provider.
itSendsOneEmailOnce(
  () => h,
  (activities, email) => activities.sendSignInLink(email),
  () => signInLink({ locale: 'nl' }),
  'Je inloglink voor Rhythm',
);
