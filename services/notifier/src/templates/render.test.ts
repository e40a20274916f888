// Renders each template through the public entry and asserts on what a reader would see.
import type { DeliveryStep, Locale } from '@rhythm/domain';
import { calendarUrl as calendarLink } from '@rhythm/platform';
import { baseMessage as message, sampleItems as items } from '../../test/render-reference.js';
import { renderEmail, type Links } from './render.js';

const links: Links = { web: 'https://rhythm.example' };
const sessionUrl = 'https://rhythm.example/teams/team-1/sessions/session-1';
// The web app's page that fetches the calendar file signed in (a link cannot carry the token).
const calendarUrl = 'https://rhythm.example/teams/team-1/sessions/session-1/calendar';
const reportUrl = (itemId: string) => `${sessionUrl}/items/${itemId}/report`;

/** The exact link, not a longer one starting with it (the session URL prefixes every report URL). */
function linkPattern(part: 'html' | 'text', url: string): RegExp {
  const escaped = url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return part === 'html' ? new RegExp(`href="${escaped}"`) : new RegExp(`${escaped}(\\s|$)`);
}

// en-GB puts a comma after the weekday in current ICU data; older data did not.
const formattedDate: Record<Locale, RegExp> = {
  en: /Tuesday,? 15 December 2026/,
  nl: /dinsdag 15 december 2026/,
};
const templates: DeliveryStep[] = ['invitation', 'reminder', 'moved', 'cancelled', 'escalation'];
const locales: Locale[] = ['en', 'nl'];
const cases = templates.flatMap((template) => locales.map((locale) => [template, locale] as const));

describe.each(cases)('the %s email in %s', (template, locale) => {
  const rendered = renderEmail(
    message({ template, previousDate: '2026-12-08', reason: 'Offsite' }, locale),
    links,
  );

  it('puts the team name and the date in the subject', async () => {
    const { subject } = await rendered;
    expect(subject).toContain('Team Atlas');
    expect(subject).toMatch(formattedDate[locale]);
  });

  it.each(['html', 'text'] as const)('lists every item with its report link, in the %s', async (part) => {
    const body = (await rendered)[part];
    for (const item of items) {
      expect(body).toContain(item.title);
      expect(body).toMatch(linkPattern(part, reportUrl(item.id)));
    }
  });

  it.each(['html', 'text'] as const)(
    'shows the date and links the session and its calendar file, in the %s',
    async (part) => {
      const body = (await rendered)[part];
      expect(body).toMatch(formattedDate[locale]);
      expect(body).toMatch(linkPattern(part, sessionUrl));
      expect(body).toMatch(linkPattern(part, calendarUrl));
    },
  );

  it('speaks the recipient’s language', async () => {
    const { text, html } = await rendered;
    expect(html).toContain(`lang="${locale}"`);
    if (locale === 'nl') {
      expect(text).toContain('Hoi Noah');
      expect(text).toContain('strategiesessie');
      expect(text).toMatch(/voortgangsrapportage/i);
      expect(text).toContain('(strategie)');
      expect(text).toContain('(actie)');
      expect(text).not.toMatch(/\b(progress report|steering session|your|thanks)\b/i);
    } else {
      expect(text).toContain('Hi Noah');
      expect(text).toContain('steering session');
      expect(text).toMatch(/progress report/i);
      expect(text).toContain('(strategy)');
      expect(text).toContain('(action)');
      expect(text).not.toMatch(/\b(voortgangsrapportage|strategiesessie|je|bedankt)\b/i);
    }
  });
});

describe('template specifics', () => {
  it('lists only the items the reminder is given', async () => {
    const { html, text } = await renderEmail(message({ template: 'reminder', items: [items[1]!] }), links);
    for (const body of [html, text]) {
      expect(body).toContain('German revenue');
      expect(body).toContain(reportUrl('k1'));
      expect(body).not.toContain('Grow in Germany');
      expect(body).not.toContain('Hire a sales lead');
      expect(body).not.toContain(reportUrl('a1'));
    }
  });

  it('shows the old and the new date of a moved session', async () => {
    const { text } = await renderEmail(
      message({ template: 'moved', sessionDate: '2026-12-17', previousDate: '2026-12-15' }, 'nl'),
      links,
    );
    expect(text).toContain('is verplaatst van dinsdag 15 december 2026 naar donderdag 17 december 2026.');
  });

  it('shows only the new date when the moved message has no previous date', async () => {
    const { subject, text } = await renderEmail(
      message({ template: 'moved', sessionDate: '2026-12-17' }),
      links,
    );
    expect(subject).toMatch(/moved to Thursday,? 17 December 2026/);
    expect(text).toMatch(/has moved to Thursday,? 17 December 2026\./);
    expect(text).not.toContain('15 December');
  });

  it('gives the reason of a cancellation when there is one', async () => {
    const withReason = await renderEmail(
      message({ template: 'cancelled', reason: 'Most of us are at the trade fair' }, 'nl'),
      links,
    );
    expect(withReason.text).toContain('Reden: Most of us are at the trade fair');
    expect(withReason.text).toContain('gaat niet door');
    const without = await renderEmail(message({ template: 'cancelled', reason: '  ' }), links);
    expect(without.text).toContain('is cancelled');
    expect(without.text).not.toContain('Reason:');
  });

  it('names a doing session in both languages', async () => {
    const en = await renderEmail(message({ kind: 'doing' }), links);
    const nl = await renderEmail(message({ kind: 'doing' }, 'nl'), links);
    expect(en.subject).toContain('doing session');
    expect(nl.subject).toContain('actiesessie');
  });

  it('does not double the slash when a base URL ends with one', async () => {
    const { text } = await renderEmail(message(), { web: 'https://rhythm.example/' });
    expect(text).toContain(reportUrl('s1'));
    expect(text).toContain(calendarUrl);
  });

  it('links the signed calendar invitation of this session for this owner when links are signed', async () => {
    const secret = 'render-test-email-link-secret-0123456789';
    const { html, text } = await renderEmail(message(), { ...links, secret });
    const signed = calendarLink('https://rhythm.example', secret, 'session-1', 'u1');
    expect(text).toMatch(linkPattern('text', signed));
    expect(html).toContain(signed.replace(/&/g, '&amp;'));
    expect(text).not.toContain(calendarUrl);
  });

  it('refuses a template it does not know', async () => {
    await expect(renderEmail(message({ template: 'digest' as DeliveryStep }), links)).rejects.toThrow(
      RangeError,
    );
  });
});

describe('untrusted text', () => {
  const title = '<script>alert("x")</script> R&D';

  it('is escaped in the HTML and intact in the text and subject', async () => {
    const rendered = await renderEmail(
      message({ teamName: 'Sales & Marketing', items: [{ id: 'a9', type: 'action', title }] }),
      links,
    );
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).toContain('&lt;script&gt;');
    expect(rendered.html).toContain('R&amp;D');
    expect(rendered.html).toContain('Sales &amp; Marketing');
    expect(rendered.text).toContain(title);
    expect(rendered.text).toContain('Sales & Marketing');
    expect(rendered.subject).toContain('Sales & Marketing');
  });
});

describe('a session date near a day boundary', () => {
  // 2026-03-29 starts at 10:00 UTC the day before in Kiritimati (UTC+14) and ends at 07:00 UTC the
  // day after in Los Angeles (UTC−7): an instant-based format would show a neighbouring day.
  it.each(['Pacific/Kiritimati', 'America/Los_Angeles'])(
    'shows that calendar day for a team in %s',
    async (timeZone) => {
      const en = await renderEmail(message({ sessionDate: '2026-03-29', timeZone }), links);
      const nl = await renderEmail(message({ sessionDate: '2026-03-29', timeZone }, 'nl'), links);
      expect(en.subject).toMatch(/Sunday,? 29 March 2026/);
      expect(en.text).toMatch(/Sunday,? 29 March 2026/);
      expect(en.text).not.toMatch(/Saturday|Monday|28 March|30 March/);
      expect(nl.text).toContain('zondag 29 maart 2026');
      expect(nl.text).toContain(`(${timeZone})`);
    },
  );
});
