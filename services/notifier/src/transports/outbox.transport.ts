// The local outbox: with no RESEND_API_KEY, emails land in PostgreSQL (the API lists them in
// development) and one line per email in the log, so a newcomer sees every email without an
// account. The unique idempotency key makes a retried batch a no-op, like Resend's replay.
import { OutboxEmail, type Orm } from '@rhythm/persistence';
import type { Logger } from '@rhythm/platform';
import type { EmailOutcome, EmailTransport, OutgoingEmail } from './transport.js';

export function outboxTransport(orm: Orm, logger: Logger): EmailTransport {
  return {
    name: 'outbox',
    async sendBatch(emails: OutgoingEmail[]): Promise<EmailOutcome[]> {
      const em = orm.em.fork();
      const rows = emails.map(({ idempotencyKey, to, subject, html, text }) => ({
        idempotencyKey,
        to,
        subject,
        html,
        text,
      }));
      await em.upsertMany(OutboxEmail, rows, {
        onConflictFields: ['idempotencyKey'],
        onConflictAction: 'ignore',
      });
      const stored = await em.find(OutboxEmail, {
        idempotencyKey: { $in: emails.map((email) => email.idempotencyKey) },
      });
      const ids = new Map(stored.map((row) => [row.idempotencyKey, row.id]));
      for (const email of emails)
        logger.info({ to: email.to, subject: email.subject }, 'outbox: email stored');
      return emails.map((email) => ({ id: `outbox:${ids.get(email.idempotencyKey)}` }));
    },
  };
}
