// The sign-in link workflow's contract: `sign-in-link-<linkId>` emails one sign-in link through the
// notifier, with the retry policy of every other email. The API starts it once the link's row is
// committed; the id comes from the link, so a start the API retries finds it already there.
import type { Locale } from '../vocabulary.js';

export function signInLinkWorkflowId(linkId: string): string {
  return `sign-in-link-${linkId}`;
}

/** `rhythm/sign-in-link/<id>`: a retried send is replayed by the provider, not repeated. */
export function signInLinkKey(linkId: string): string {
  return `rhythm/sign-in-link/${linkId}`;
}

/** What the sign-in email says; the notifier builds the link from the token and WEB_BASE_URL. */
export interface SignInLinkEmail {
  idempotencyKey: string;
  linkId: string;
  to: string;
  /** The person's own language when they have an account, else the browser's (the API picks). */
  locale: Locale;
  /**
   * The link's secret (the database keeps only its SHA-256). It rides in the workflow's input, so it
   * is in Temporal's history until retention drops it; it works once, for minutes, and only in the
   * browser that asked for it.
   */
  token: string;
  /** ISO instant after which the link no longer works. */
  expiresAt: string;
}

export interface SignInLinkWorkflowInput {
  version: 1;
  email: SignInLinkEmail;
}

/** The notifier's activity for it. */
export interface SignInLinkNotifierActivities {
  sendSignInLink(email: SignInLinkEmail): Promise<{ state: 'sent' | 'failed'; reason?: string }>;
}
