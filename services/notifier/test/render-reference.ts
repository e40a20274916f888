// The reference for the compiled email templates: each email rendered whole by React Email, as the
// notifier did before compiling (the text derived from the HTML, the subject from the messages).
// `compare` renders a message both ways and says whether the compiled pieces served it or the
// notifier had to fall back to React Email for it.
import type { EmailMessage, Locale } from '@rhythm/domain';
import { compileTemplate, type CompiledTemplate } from '../src/templates/compile.js';
import { buildEmailModel } from '../src/templates/email-model.js';
import { fillTemplate } from '../src/templates/fill.js';
import { structureKey, structureOf } from '../src/templates/placeholders.js';
import { renderWithReactEmail } from '../src/templates/react-email.js';
import { renderEmail, type Links, type RenderedEmail } from '../src/templates/render.js';

export async function renderWithReactEmailOnly(message: EmailMessage, links: Links): Promise<RenderedEmail> {
  const model = buildEmailModel(message, links);
  const { html, text } = await renderWithReactEmail(message.template, model);
  const subject = model.t[message.template].subject(model.facts).replace(/\s+/g, ' ').trim();
  return { subject, html, text };
}

const compiled = new Map<string, Promise<CompiledTemplate>>();

/** The compiled path alone, without the fallback: undefined where the notifier renders with React. */
export async function fillOnly(
  message: EmailMessage,
  links: Links,
): Promise<{ html: string; text: string } | undefined> {
  const model = buildEmailModel(message, links);
  const structure = structureOf(message.template, model);
  const key = structureKey(structure);
  if (!compiled.has(key)) compiled.set(key, compileTemplate(structure));
  return fillTemplate(await compiled.get(key)!, message.template, model);
}

export interface Comparison {
  name: string;
  /** The fields that differ, with where they first differ. */
  differences: string[];
  fellBack: boolean;
}

export async function compare(name: string, message: EmailMessage, links: Links): Promise<Comparison> {
  const [expected, actual, filled] = await Promise.allSettled([
    renderWithReactEmailOnly(message, links),
    renderEmail(message, links),
    fillOnly(message, links),
  ]);
  // A message React Email cannot render (an id that is no valid UTF-16) must fail the same way.
  if (expected.status === 'rejected' || actual.status === 'rejected') {
    const outcome = (o: PromiseSettledResult<unknown>) =>
      o.status === 'rejected' ? `throws ${String(o.reason)}` : 'renders';
    const same = outcome(expected) === outcome(actual);
    return {
      name,
      differences: same ? [] : [`expected it ${outcome(expected)}, it ${outcome(actual)}`],
      fellBack: false,
    };
  }
  const differences = (['subject', 'html', 'text'] as const).flatMap((field) => {
    const [a, b] = [expected.value[field], actual.value[field]];
    if (a === b) return [];
    let at = 0;
    while (a[at] === b[at]) at++;
    const around = (s: string) => JSON.stringify(s.slice(Math.max(0, at - 60), at + 60));
    return [`${field} at ${at}: expected ${around(a)}, got ${around(b)}`];
  });
  return { name, differences, fellBack: filled.status === 'fulfilled' && filled.value === undefined };
}

/** Three items, one of each type. */
export const sampleItems: EmailMessage['items'] = [
  // The owners' names show only in the escalation, which lists other people's items.
  { id: 's1', type: 'strategy', title: 'Grow in Germany', ownerName: 'Ada' },
  { id: 'k1', type: 'kpi', title: 'German revenue', ownerName: 'Bo' },
  { id: 'a1', type: 'action', title: 'Hire a sales lead', ownerName: 'Ada' },
];

/** The message the cases vary: an invitation to Noah with the three sample items. */
export function baseMessage(overrides: Partial<EmailMessage> = {}, locale: Locale = 'en'): EmailMessage {
  return {
    idempotencyKey: 'key-1',
    template: 'invitation',
    to: { userId: 'u1', name: 'Noah', email: 'noah@example.com', locale, member: true },
    sessionId: 'session-1',
    teamId: 'team-1',
    teamName: 'Team Atlas',
    kind: 'steering',
    sessionDate: '2026-12-15',
    timeZone: 'Europe/Amsterdam',
    items: sampleItems,
    ...overrides,
  };
}

/** A small seeded generator (mulberry32), so a failing mix can be run again. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
