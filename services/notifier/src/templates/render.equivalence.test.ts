// The compiled templates write exactly what React Email writes: every structure (template, locale,
// kind, optional parts, list lengths, signed or plain links) and a seeded mix of realistic and
// hostile values, each rendered both ways and compared byte for byte. The values themselves are
// tried field by field in render.untrusted.test.ts.
import type { DeliveryStep, EmailMessage, ItemType, Locale, SessionKind } from '@rhythm/domain';
import { baseMessage, compare, seeded, type Comparison } from '../../test/render-reference.js';
import type { Links } from './render.js';

const templates: DeliveryStep[] = ['invitation', 'reminder', 'moved', 'cancelled', 'escalation'];
const locales: Locale[] = ['en', 'nl'];
const kinds: SessionKind[] = ['doing', 'steering'];
const types: ItemType[] = ['strategy', 'kpi', 'action'];
const plain: Links = { web: 'https://rhythm.example' };
const signed: Links = { web: 'https://rhythm.example/', secret: 'equivalence-test-email-link-secret-0123' };

function items(count: number, title = (i: number) => `Item ${i + 1}`): EmailMessage['items'] {
  return Array.from({ length: count }, (_, i) => ({
    id: `item-${i}`,
    type: types[i % 3]!,
    title: title(i),
    ownerName: `Owner ${i + 1}`,
  }));
}

/** Every comparison must match; none of these may need the React Email fallback. */
function expectAllCompiledAndEqual(results: Comparison[]): void {
  expect(results.filter((r) => r.differences.length > 0)).toEqual([]);
  expect(results.filter((r) => r.fellBack).map((r) => r.name)).toEqual([]);
}

describe.each(templates.flatMap((template) => locales.map((locale) => [template, locale] as const)))(
  'the %s email in %s, compiled',
  (template, locale) => {
    it('equals React Email for every kind, optional part, list length and kind of link', async () => {
      const results: Comparison[] = [];
      for (const kind of kinds)
        for (const count of [0, 1, 2, 7])
          for (const previousDate of [undefined, '2026-12-08'])
            for (const reason of [undefined, 'Offsite', '   '])
              for (const links of [plain, signed]) {
                const message = baseMessage(
                  { template, kind, items: items(count), previousDate, reason },
                  locale,
                );
                const name = JSON.stringify({ kind, count, previousDate, reason, links });
                results.push(await compare(name, message, links));
              }
      expect(results).toHaveLength(96);
      expectAllCompiledAndEqual(results);
    });
  },
);

// Realistic and hostile values drawn together, so they meet in one email (and one line of text).
const words = [
  'Grow in Germany',
  'R&D <beta> "quoted" it\'s',
  '<script>alert("x")</script>',
  '<b>Sales</b> & Marketing',
  'Café, Zürich: über-größe — naïve façade',
  '日本語のタイトル',
  'مرحبا بالعالم',
  '🚀 Launch 👩‍💻🇳🇱',
  '  padded   with   spaces  ',
  'line\nbreaks\r\nand\ttabs\fform',
  'zero\u200bwidth and no\u00a0break',
  '&amp; &lt;already&gt; &#39;escaped&#x27; &quot;',
  '<!-- --> comment-like',
  'a'.repeat(3000),
  Array.from({ length: 300 }, (_, i) => `word${i}`).join(' '),
];
const ids = ['a1', 'k&1', 'x"y\'z', 'ü/ß?#', 'id with spaces'];
const zones = ['Europe/Amsterdam', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'];
const dates = ['2026-01-01', '2026-02-28', '2026-03-29', '2026-07-04', '2026-12-31', '2027-05-09'];

describe('a seeded mix of values, compiled', () => {
  it('equals React Email in 400 emails', async () => {
    const random = seeded(20261215);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const results: Comparison[] = [];
    for (let n = 0; n < 400; n++) {
      const template = pick(templates);
      const message: EmailMessage = baseMessage({
        template,
        to: {
          userId: pick(ids),
          name: pick(words),
          email: 'owner@example.com',
          locale: pick(locales),
          member: true,
        },
        sessionId: pick(ids),
        teamId: pick(ids),
        teamName: pick(words),
        kind: pick(kinds),
        sessionDate: pick(dates),
        previousDate: random() < 0.5 ? pick(dates) : undefined,
        reason: random() < 0.5 ? pick(words) : undefined,
        timeZone: pick(zones),
        items: Array.from({ length: Math.floor(random() * 6) }, () => ({
          id: pick(ids),
          type: pick(types),
          title: pick(words),
          ownerName: pick(words),
        })),
      });
      results.push(await compare(`mix ${n}`, message, random() < 0.5 ? plain : signed));
    }
    expectAllCompiledAndEqual(results);
  });
});
