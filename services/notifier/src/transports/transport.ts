/** One rendered email, ready for a provider. */
export interface OutgoingEmail {
  idempotencyKey: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe (RFC 8058 one-click pause). */
  headers?: Record<string, string>;
  /** Where a reply goes: the team's process owner. */
  replyTo?: string;
}

/** What became of one email of a batch: the provider's message id, or its words of refusal. */
export type EmailOutcome = { id: string } | { refused: string };

/**
 * Where emails go: Resend when an API key is configured, otherwise the local outbox table.
 * `sendBatch` sends at most 100 emails under one idempotency key and returns one outcome per
 * email, in order: a refusal of one email (a bad address) is that email's outcome, and the others
 * are still sent. It throws an ApplicationFailure when the provider refuses or fails the whole
 * request (a wrong key, a quota, an outage).
 */
export interface EmailTransport {
  readonly name: 'resend' | 'outbox';
  sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<EmailOutcome[]>;
}
