/** One rendered email, ready for a provider. */
export interface OutgoingEmail {
  idempotencyKey: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/**
 * Where emails go: Resend when an API key is configured, otherwise the local outbox table.
 * `sendBatch` sends at most 100 emails under one idempotency key and returns one provider message
 * id per email, in order. It throws an ApplicationFailure on a provider error.
 */
export interface EmailTransport {
  readonly name: 'resend' | 'outbox';
  sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<string[]>;
}
