// The benchmark's workflow: one sendEmails activity on the notifier's task queue, proxied with the
// same timeouts and retry policy as the session workflow's notifier proxy
// (services/workflows/src/sessions/session.workflow.ts), so retries behave as in production.
import type { EmailMessage, NotifierActivities, SendResult } from '@rhythm/domain';
import { proxyActivities } from '@temporalio/workflow';

export async function notifyWorkflow(taskQueue: string, messages: EmailMessage[]): Promise<SendResult[]> {
  const notifier = proxyActivities<NotifierActivities>({
    taskQueue,
    startToCloseTimeout: '10 minutes',
    scheduleToCloseTimeout: '20 hours',
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '15 minutes' },
  });
  return notifier.sendEmails(messages);
}
