// The escalation the day before, to the process owner: what a reader sees in both languages. The
// frame (subject, date, links, language) is checked with every template in render.test.ts.
import type { Locale } from '@rhythm/domain';
import { baseMessage, sampleItems } from '../../test/render-reference.js';
import { renderEmail } from './render.js';

const links = { web: 'https://rhythm.example' };
const escalation = (locale: Locale, items = sampleItems) =>
  renderEmail(
    baseMessage({ template: 'escalation', to: { ...baseMessage().to, locale }, items }, locale),
    links,
  );

describe('the escalation email', () => {
  it('lists each item still without a report with its owner and report link, in English', async () => {
    const { subject, text, html } = await escalation('en');
    expect(subject).toMatch(/^Team Atlas: reports still missing for the steering session on /);
    expect(text).toContain('These items still have no current progress report, each with its owner');
    expect(text).toContain('Still without a report');
    expect(text).toMatch(
      /\* Grow in Germany \(strategy\) · Progress report \S+\/items\/s1\/report · owner: Ada/,
    );
    expect(text).toMatch(/German revenue \(KPI\) · Progress report \S+\/items\/k1\/report · owner: Bo/);
    expect(html).toContain(' · owner: Ada</li>');
  });

  it('says the same in Dutch', async () => {
    const { subject, text } = await escalation('nl');
    expect(subject).toMatch(/^Team Atlas: nog ontbrekende rapportages voor de strategiesessie van /);
    expect(text).toContain('Voor deze items ontbreekt nog een actuele voortgangsrapportage');
    expect(text).toContain('Nog zonder rapportage');
    expect(text).toMatch(
      /Hire a sales lead \(actie\) · Voortgangsrapportage \S+\/items\/a1\/report · eigenaar: Ada/,
    );
    expect(text).not.toMatch(/\b(owner|still)\b/i);
  });

  it('escapes an owner’s name in the HTML', async () => {
    const items = [{ ...sampleItems[0]!, ownerName: '<b>Eve</b> & "co"' }];
    const { html, text } = await escalation('en', items);
    expect(html).toContain('owner: &lt;b&gt;Eve&lt;/b&gt; &amp; &quot;co&quot;');
    expect(text).toContain('owner: <b>Eve</b> & "co"');
  });

  it('names no owner in the other emails, which go to the owner', async () => {
    const { text } = await renderEmail(baseMessage({ template: 'reminder' }), links);
    expect(text).not.toContain('owner:');
  });
});
