// What the fault suite counts, from three independent records: the emails the local Resend server
// accepted (what recipients would receive), the Delivery rows in PostgreSQL (what Rhythm believes
// it did), and the list of emails the scenario expects (built from the seed, not from either).
import type { AcceptedEmail } from '@rhythm/testing';

export type Step = 'invitation' | 'moved' | 'reminder';

/** One email the scenario expects: sent, or refused by the provider and recorded failed. */
export interface Expected {
  key: string;
  sessionId: string;
  userId: string;
  address: string;
  step: Step;
  outcome: 'sent' | 'failed';
  /** When the step became due (workflow started, session moved): the latency's start. */
  dueAt: number;
}

export interface DeliveryRow {
  key: string;
  state: string;
  error: string | null;
  userId: string;
}

export interface Tally {
  expected: number;
  expectedSent: number;
  expectedRefused: number;
  delivered: number;
  duplicates: { what: string; times: number }[];
  lost: Expected[];
  /** Accepted by the provider without being expected (another step, another address). */
  unexpected: string[];
  failedRows: DeliveryRow[];
  failedReasons: Map<string, number>;
  refusalsRecorded: number;
  refusalsMissing: Expected[];
  /** Failed rows that are not an expected refusal (an email that should have gone out). */
  failedNotRefused: DeliveryRow[];
  deliveredByStep: Map<Step, { delivered: number; expected: number }>;
  /** Delivery rows 'sent' whose email the provider never accepted, and the reverse. */
  sentNotReceived: Expected[];
  receivedNotRecorded: Expected[];
  latencySeconds: number[];
}

/** The step an email is, by its (English) subject: see services/notifier/src/templates/messages.ts. */
export function stepOf(subject: string): Step | 'other' {
  if (/: please add your progress reports for /.test(subject)) return 'invitation';
  if (/: reminder, progress reports for /.test(subject)) return 'reminder';
  if (/ has moved to /.test(subject)) return 'moved';
  return 'other';
}

export function tally(expected: Expected[], emails: readonly AcceptedEmail[], rows: DeliveryRow[]): Tally {
  const received = new Map<string, AcceptedEmail[]>();
  for (const email of emails)
    for (const to of email.to) {
      const id = `${to.toLowerCase()} ${stepOf(email.subject)}`;
      received.set(id, [...(received.get(id) ?? []), email]);
    }
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const id = (e: Expected) => `${e.address.toLowerCase()} ${e.step}`;
  const wanted = new Set(expected.map(id));
  const got = (e: Expected) => received.get(id(e)) ?? [];

  const failedRows = rows.filter((row) => row.state === 'failed');
  const failedReasons = new Map<string, number>();
  for (const row of failedRows) {
    // One line per kind of reason: the address and the batch index vary, the words do not.
    const reason = (row.error ?? '(none)')
      .replace(/emails\[\d+\]/g, 'emails[i]')
      .replace(/[^\s:`]+@[^\s:`]+/g, '<address>');
    failedReasons.set(reason, (failedReasons.get(reason) ?? 0) + 1);
  }
  const refusedExpected = expected.filter((e) => e.outcome === 'failed');
  const sentExpected = expected.filter((e) => e.outcome === 'sent');
  return {
    expected: expected.length,
    expectedSent: sentExpected.length,
    expectedRefused: refusedExpected.length,
    delivered: sentExpected.filter((e) => got(e).length > 0).length,
    duplicates: [...received]
      .filter(([, list]) => list.length > 1)
      .map(([what, list]) => ({ what, times: list.length })),
    lost: expected.filter((e) => got(e).length === 0 && byKey.get(e.key)?.state !== 'failed'),
    unexpected: [...received.keys()].filter((what) => !wanted.has(what)),
    failedRows,
    failedReasons,
    refusalsRecorded: refusedExpected.filter((e) => {
      const row = byKey.get(e.key);
      return row?.state === 'failed' && (row.error ?? '').includes('cannot receive email');
    }).length,
    refusalsMissing: refusedExpected.filter((e) => {
      const row = byKey.get(e.key);
      return !(row?.state === 'failed' && (row.error ?? '').includes('cannot receive email'));
    }),
    failedNotRefused: failedRows.filter((row) => !refusedExpected.some((e) => e.key === row.key)),
    deliveredByStep: new Map(
      (['invitation', 'moved', 'reminder'] as const).map((step) => {
        const of = sentExpected.filter((e) => e.step === step);
        return [step, { delivered: of.filter((e) => got(e).length > 0).length, expected: of.length }];
      }),
    ),
    sentNotReceived: expected.filter((e) => byKey.get(e.key)?.state === 'sent' && got(e).length === 0),
    receivedNotRecorded: sentExpected.filter((e) => got(e).length > 0 && byKey.get(e.key)?.state !== 'sent'),
    latencySeconds: sentExpected
      .filter((e) => got(e).length > 0)
      .map((e) => (got(e)[0]!.acceptedAt - e.dueAt) / 1000),
  };
}

/** Settled: the email reached the provider, or its refusal is recorded. */
export function settled(e: Expected, receivedIds: Set<string>, rows: Map<string, DeliveryRow>): boolean {
  return receivedIds.has(`${e.address.toLowerCase()} ${e.step}`) || rows.get(e.key)?.state === 'failed';
}

export function receivedIds(emails: readonly AcceptedEmail[]): Set<string> {
  const ids = new Set<string>();
  for (const email of emails)
    for (const to of email.to) ids.add(`${to.toLowerCase()} ${stepOf(email.subject)}`);
  return ids;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
