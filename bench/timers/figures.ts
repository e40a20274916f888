// What a round prints: the emails the local Resend server accepted after the due moment, their
// lateness (due → accepted by the provider), the provider requests, duplicates (one recipient given
// the same session's invitation twice), the Delivery rows that did not end sent, and the idle cost
// of a sleeping session.
import { readFile } from 'node:fs/promises';
import type { AcceptedEmail, LocalResend } from '@rhythm/testing';

const SESSION_IN_LINK = /\/sessions\/([0-9a-f-]{36})/;

export interface Lateness {
  emails: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
  duplicates: number;
}

export function lateness(emails: readonly AcceptedEmail[], dueAt: number): Lateness {
  const late = emails.map((email) => (email.acceptedAt - dueAt) / 1000).sort((a, b) => a - b);
  const at = (p: number) =>
    late[Math.min(late.length - 1, Math.max(0, Math.ceil(p * late.length) - 1))] ?? NaN;
  const seen = new Map<string, number>();
  for (const email of emails) {
    const session = SESSION_IN_LINK.exec(email.text ?? email.html ?? '')?.[1] ?? email.subject;
    for (const to of email.to) {
      const key = `${to} ${session} ${email.subject}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  return {
    emails: late.length,
    min: at(0),
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
    perSecond: late.length / at(1),
    duplicates,
  };
}

export function requestsSince(resend: LocalResend, from: number): string {
  const requests = resend.requests
    .slice(from)
    .filter((r) => r.path === '/emails/batch' || r.path === '/emails');
  const tooMany = requests.filter((r) => r.status === 429).length;
  return `${requests.length} (${tooMany} × 429, ${requests.filter((r) => r.replayed).length} replays)`;
}

export interface Footprint {
  workerRssMb: number;
  temporalBytes: number;
  rhythmBytes: number;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Per sleeping session: what the footprint grew by, divided by the sessions. */
export function idleCost(before: Footprint, after: Footprint, sessions: number): string {
  const per = (delta: number) => `${((delta / sessions) * 1024).toFixed(1)} KB`;
  return [
    `sessions worker RSS ${before.workerRssMb.toFixed(0)} → ${after.workerRssMb.toFixed(0)} MB ` +
      `(${per(after.workerRssMb - before.workerRssMb)} a session)`,
    `Temporal's store ${mb(before.temporalBytes)} → ${mb(after.temporalBytes)} ` +
      `(${per((after.temporalBytes - before.temporalBytes) / 1024 / 1024)} a session)`,
    `Rhythm's database ${mb(before.rhythmBytes)} → ${mb(after.rhythmBytes)} ` +
      `(${per((after.rhythmBytes - before.rhythmBytes) / 1024 / 1024)} a session)`,
  ].join('; ');
}

/** The process's resident set in MB (Linux /proc). */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

export const quantiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: sorted[Math.floor((sorted.length - 1) / 2)]!, max: sorted.at(-1)! };
};
