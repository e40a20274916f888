// `sign-in-link-<linkId>`: emails one sign-in link through the notifier. The API starts it once the
// link's row is committed, so unlike the team invitation there is no write to wait for. The link
// works for minutes: the notifier is retried only while the link still works (scheduleToClose is
// its remaining lifetime, in workflow time), since an email that arrives with a dead link only
// confuses. Past that the outcome is `failed`, not a failed workflow: the person asks again.
import type { SignInLinkNotifierActivities, SignInLinkWorkflowInput } from '@rhythm/domain';
import { NOTIFICATIONS_TASK_QUEUE } from '@rhythm/domain';
import { ActivityFailure, log, proxyActivities } from '@temporalio/workflow';

/**
 * Never retried longer than the session emails' EMAIL_RETRY_BOUND (20 hours), whatever the expiry
 * says: past Resend's 24-hour idempotency window a retry could send the email twice.
 */
const RETRY_BOUND_MS = 20 * 3_600_000;

export type SignInLinkOutcome = 'sent' | 'failed' | 'expired';

export async function signInLinkWorkflow(input: SignInLinkWorkflowInput): Promise<SignInLinkOutcome> {
  const { linkId, expiresAt } = input.email;
  // Date.now() is workflow time here: the same on every replay.
  const remaining = Math.min(Date.parse(expiresAt) - Date.now(), RETRY_BOUND_MS);
  if (!(remaining > 0)) {
    log.warn('sign-in link expired before its email was sent', { linkId, expiresAt });
    return 'expired';
  }
  const notifier = proxyActivities<SignInLinkNotifierActivities>({
    taskQueue: NOTIFICATIONS_TASK_QUEUE,
    startToCloseTimeout: '1 minute',
    scheduleToCloseTimeout: remaining,
    // Short intervals: the person is waiting for this email, and the link lives minutes.
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });
  try {
    const result = await notifier.sendSignInLink(input.email);
    if (result.state === 'failed') log.warn('sign-in email refused', { linkId, reason: result.reason });
    return result.state;
  } catch (error) {
    // Retried until the link expired (a provider outage): nobody is left to email a working link to.
    if (!(error instanceof ActivityFailure)) throw error;
    log.warn('sign-in email not sent before its link expired', { linkId, cause: error.cause?.message });
    return 'failed';
  }
}
