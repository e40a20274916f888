// A stand-in for the session workflow in the notifier's tests: it only schedules sendEmails on the
// notifier's task queue, with timeouts short enough for a test to watch Temporal's retries.
import type { EmailMessage, NotifierActivities, SendResult } from '@rhythm/domain';
import { proxyActivities } from '@temporalio/workflow';

export interface SendEmailsInput {
  taskQueue: string;
  messages: EmailMessage[];
  /** How long Temporal waits for an attempt (e.g. on a worker that died) before retrying it. */
  startToCloseTimeout: string;
}

export async function sendEmailsWorkflow({
  taskQueue,
  messages,
  startToCloseTimeout,
}: SendEmailsInput): Promise<SendResult[]> {
  const notifier = proxyActivities<NotifierActivities>({
    taskQueue,
    startToCloseTimeout,
    scheduleToCloseTimeout: '5 minutes',
    // Short on purpose: a retry that waits seconds can only be the provider's retry-after.
    retry: { initialInterval: '100 milliseconds', backoffCoefficient: 2, maximumInterval: '1 second' },
  });
  return notifier.sendEmails(messages);
}
