// Untrusted values, one field at a time, in every template and both locales: the compiled email
// must equal React Email's byte for byte, escaped in the HTML as React escapes it (text and href
// alike) and in the text as html-to-text derives it. Only a team name without words falls back to
// React Email (its line of text vanishes, which changes the blank lines around it).
import type { DeliveryStep, EmailMessage, ItemType, Locale, SessionKind } from '@rhythm/domain';
import { renderToStaticMarkup } from 'react-dom/server';
import { baseMessage, compare, seeded, type Comparison } from '../../test/render-reference.js';
import { escapeLikeReact } from './fill.js';
import type { Links } from './render.js';

const hostile = [
  '',
  ' ',
  '\u200b',
  '<script>alert("x")</script> R&D',
  `Tom & Jerry's "best" <b>plan</b> > 5 < 7`,
  '<b>Sales</b> &amp; <i>Marketing</i>',
  '&lt;not a tag&gt; &#x27; &nbsp; &#0;',
  'Ærøskøbing, São Paulo, Kraków, İstanbul',
  '👩‍👩‍👧 🏳️‍🌈 🇳🇱 ✓ 🚀',
  '\t leading and trailing \n',
  'a\r\nb\fc\u000bd\u0085e\u2028f\u2029g',
  'nul\u0000byte and bom\ufeff',
  'lone \ud800 high and \udc00 low surrogates',
  'private \uE000team\uE001 \uE000items.0.title\uE001 use',
  '<!-- --> <!--$--> ]]> <![CDATA[x]]>',
  '#anchor',
  'mailto:someone@example.com',
  'https://evil.example/?a=1&b=\'2\'&c="3"',
  'x'.repeat(20_000),
  Array.from({ length: 2_000 }, (_, i) => `w${i}`).join('  '),
];

const templates: DeliveryStep[] = ['invitation', 'reminder', 'moved', 'cancelled', 'escalation'];
const locales: Locale[] = ['en', 'nl'];
const secret = 'untrusted-test-email-link-secret-0123456';
const plain: Links = { web: 'https://rhythm.example' };
const signed: Links = { ...plain, secret };

/** Where a value can enter an email; returns the links to render with when they matter. */
const fields: Record<string, (value: string, message: EmailMessage) => Links | void> = {
  teamName: (value, m) => void (m.teamName = value),
  recipientName: (value, m) => void (m.to.name = value),
  itemTitle: (value, m) =>
    void (m.items = m.items.map((item, i) => (i === 1 ? { ...item, title: value } : item))),
  everyItemTitle: (value, m) => void (m.items = m.items.map((item) => ({ ...item, title: value }))),
  // Shown in the escalation only.
  itemOwnerName: (value, m) =>
    void (m.items = m.items.map((item, i) => (i === 1 ? { ...item, ownerName: value } : item))),
  reason: (value, m) => void (m.reason = value),
  timeZone: (value, m) => void (m.timeZone = value),
  itemId: (value, m) => void (m.items = m.items.map((item, i) => (i === 0 ? { ...item, id: value } : item))),
  teamId: (value, m) => void (m.teamId = value),
  // Both are in the signed calendar link too.
  sessionId: (value, m) => {
    m.sessionId = value;
    return signed;
  },
  userId: (value, m) => {
    m.to.userId = value;
    return signed;
  },
};
const blank = (value: string) => /^[ \t\r\n\f\u200b]*$/.test(value);

describe.each(Object.keys(fields))('untrusted text as the %s', (field) => {
  it('renders exactly as React Email in every template and locale', async () => {
    const results: Comparison[] = [];
    for (const [i, value] of hostile.entries())
      for (const template of templates)
        for (const locale of locales) {
          const message = baseMessage({ template, previousDate: '2026-12-08' }, locale);
          const links = fields[field]!(value, message) ?? plain;
          results.push(await compare(`${template} ${locale} value ${i}`, message, links));
        }
    expect(results).toHaveLength(hostile.length * templates.length * locales.length);
    expect(results.filter((r) => r.differences.length > 0)).toEqual([]);
    // A blank team name leaves a line without words in every email; a blank owner name does not:
    // "owner:" stays on the line.
    const expectedFallbacks =
      field === 'teamName' ? hostile.filter(blank).length * templates.length * locales.length : 0;
    expect(results.filter((r) => r.fellBack)).toHaveLength(expectedFallbacks);
  });
});

describe('web base URLs with characters to escape', () => {
  it.each([
    'https://rhythm.example/app?tenant=a&b=c',
    "https://rhythm.example/o'hara/",
    'https://rhythm.example/a"b<c>d',
    'https://rhythm.example:8443/émojis/🚀',
  ])('links %s exactly as React Email', async (web) => {
    const results = await Promise.all(
      templates.flatMap((template) =>
        [{ web }, { web, secret }].map((links) =>
          compare(`${template} ${JSON.stringify(links)}`, baseMessage({ template }), links),
        ),
      ),
    );
    expect(results.filter((r) => r.differences.length > 0 || r.fellBack)).toEqual([]);
  });
});

describe('what the compiled pieces leave to React Email', () => {
  it('matches it for a web base html-to-text shortens in the text (mailto:)', async () => {
    const result = await compare('mailto', baseMessage(), { web: 'mailto:team@example.com' });
    expect(result).toEqual({ name: 'mailto', differences: [], fellBack: true });
  });

  it('matches it for malformed messages: an unknown item type, session kind or locale', async () => {
    const [first, ...rest] = baseMessage().items;
    const results = await Promise.all([
      compare('type', baseMessage({ items: [{ ...first!, type: 'goal' as ItemType }, ...rest] }), plain),
      compare('kind', baseMessage({ kind: 'planning' as SessionKind }), plain),
      compare('locale', baseMessage({}, 'de' as Locale), plain),
    ]);
    expect(results.map((r) => [r.name, r.differences, r.fellBack])).toEqual([
      ['type', [], true],
      ['kind', [], false],
      ['locale', [], false],
    ]);
  });
});

describe('escapeLikeReact', () => {
  it('escapes as React does in 5,000 random strings', () => {
    const random = seeded(7);
    const alphabet = [
      '<',
      '>',
      '&',
      '"',
      "'",
      '`',
      '=',
      '/',
      ' ',
      '\u00a0',
      'a',
      'é',
      '🚀',
      '&amp;',
      '&#x27;',
    ];
    for (let n = 0; n < 5_000; n++) {
      const text = Array.from(
        { length: Math.floor(random() * 20) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect(escapeLikeReact(text)).toBe(renderToStaticMarkup(text));
    }
  });
});
