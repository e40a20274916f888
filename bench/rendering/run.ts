// Email rendering micro-benchmark: the CPU time per email of the notifier's compiled templates
// against rendering every email whole with React Email (what the notifier did before, kept as the
// reference of the equivalence tests), over a realistic mix of templates, locales, list lengths and
// optional parts. Prints figures, asserts nothing. Run after a build: see README.md.
import os from 'node:os';
import type { DeliveryStep, EmailMessage, ItemType, Locale } from '@rhythm/domain';
import { buildEmailModel } from '../../services/notifier/dist/templates/email-model.js';
import { renderWithReactEmail } from '../../services/notifier/dist/templates/react-email.js';
import { renderEmail, type RenderedEmail } from '../../services/notifier/dist/templates/render.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
/** The old path's emails per round; ~100× slower, it renders a slice of the mix, the new all of it. */
const OLD_PER_ROUND = Number(process.env.BENCH_OLD_PER_ROUND ?? 200);
const links = { web: 'https://rhythm.example', secret: 'bench-rendering-email-link-secret-0123456' };

/** The whole email with React Email, as renderEmail did before it compiled templates. */
async function renderOld(message: EmailMessage): Promise<RenderedEmail> {
  const model = buildEmailModel(message, links);
  const subject = model.t[message.template].subject(model.facts).replace(/\s+/g, ' ').trim();
  return { subject, ...(await renderWithReactEmail(message.template, model)) };
}
const renderNew = (message: EmailMessage) => renderEmail(message, links);

// Deterministic (mulberry32), so two runs render the same emails.
let seed = 14;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(weighted: [T, number][]): T => {
  let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted[0]![0];
};

const titles = [
  'Grow in Germany',
  'German revenue',
  'Hire a sales lead',
  'R&D budget "2027"',
  'Customer satisfaction (NPS) > 40',
  'Verbeter de klanttevredenheid',
  'Onboarding van nieuwe collega’s',
  'Launch the partner portal 🚀',
];

/** One step's email as a session workflow would send it: invitations and reminders most often. */
function message(i: number): EmailMessage {
  const template = pick<DeliveryStep>([
    ['invitation', 40],
    ['reminder', 35],
    ['moved', 15],
    ['cancelled', 10],
  ]);
  const items = pick([
    [1, 30],
    [2, 25],
    [3, 20],
    [5, 15],
    [8, 10],
  ]);
  return {
    idempotencyKey: `key-${i}`,
    template,
    to: {
      userId: `user-${i}`,
      name: pick([
        [`Owner ${i}`, 3],
        ['Zoë van den Berg', 1],
        ["Seán O'Brien", 1],
      ]),
      email: `owner-${i}@example.com`,
      locale: pick<Locale>([
        ['en', 1],
        ['nl', 1],
      ]),
      member: true,
    },
    sessionId: `session-${i % 50}`,
    teamId: `team-${i % 10}`,
    teamName: pick([
      ['Team Atlas', 2],
      ['Sales & Marketing', 1],
      ['Finance <EMEA>', 1],
    ]),
    kind: random() < 0.5 ? 'doing' : 'steering',
    sessionDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    previousDate: template === 'moved' && random() < 0.8 ? '2026-11-30' : undefined,
    reason: template === 'cancelled' && random() < 0.5 ? 'Most of us are at the trade fair' : undefined,
    timeZone: 'Europe/Amsterdam',
    items: Array.from({ length: items }, (_, n) => ({
      id: `item-${i}-${n}`,
      type: pick<ItemType>([
        ['action', 3],
        ['kpi', 2],
        ['strategy', 1],
      ]),
      title: titles[(i + n) % titles.length]!,
    })),
  };
}

/** CPU milliseconds per email (user + system) rendering `messages` one after another. */
async function cpuPerEmail(
  render: (m: EmailMessage) => Promise<RenderedEmail>,
  messages: EmailMessage[],
): Promise<number> {
  const before = process.cpuUsage();
  for (const m of messages) await render(m);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / messages.length;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const mix = Array.from({ length: 2_000 }, (_, i) => message(i));
// Warm-up, not counted: JIT, React's first render, and the compiled path's ~30 compilations.
for (const m of mix.slice(0, 300)) await renderOld(m);
for (const m of mix) await renderNew(m);

let differing = 0;
for (const m of mix.slice(0, 500)) {
  const [a, b] = [await renderOld(m), await renderNew(m)];
  if (a.subject !== b.subject || a.html !== b.html || a.text !== b.text) differing++;
}

const old: number[] = [];
const compiled: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Interleaved, so both paths see the same machine; each round takes the next slice of the mix.
  const start = (round * OLD_PER_ROUND) % mix.length;
  old.push(await cpuPerEmail(renderOld, mix.slice(start, start + OLD_PER_ROUND)));
  compiled.push(await cpuPerEmail(renderNew, mix));
}

const [oldMs, newMs] = [median(old), median(compiled)];
const average = (n: number) => (mix.reduce((sum, m) => sum + m.items.length, 0) / mix.length).toFixed(n);
console.log(
  [
    `mix                  ${mix.length} emails: 40% invitations, 35% reminders, 15% moved, 10% cancelled; en/nl; ${average(1)} items on average; signed calendar links`,
    `React Email (old)    ${oldMs.toFixed(3)} ms CPU per email (median of ${ROUNDS} rounds of ${OLD_PER_ROUND})`,
    `compiled (new)       ${newMs.toFixed(4)} ms CPU per email (median of ${ROUNDS} rounds of ${mix.length})`,
    `ratio                ${(oldMs / newMs).toFixed(1)}× less CPU per email`,
    `differing outputs    ${differing} of 500 emails rendered both ways`,
    `machine              ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}`,
  ].join('\n'),
);
