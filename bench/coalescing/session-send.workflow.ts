// The benchmark's stand-in for a session workflow: it sleeps until its send hour (`dueAt`, the same
// for every session of a round), as the real ones do, then runs one sendEmails activity on the
// notifier's queue, proxied with the session workflow's timeouts, heartbeat and retry policy
// (services/workflows/src/sessions/session-sends.ts), so that waiting and retrying behave as there.
import { EMAIL_RETRY_BOUND, type EmailMessage, type NotifierActivities } from '@rhythm/domain';
import { proxyActivities, sleep } from '@temporalio/workflow';

export async function sessionSendWorkflow(taskQueue: string, messages: EmailMessage[], dueAt: number) {
  await sleep(Math.max(1, dueAt - Date.now()));
  const notifier = proxyActivities<NotifierActivities>({
    taskQueue,
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout: '1 minute',
    scheduleToCloseTimeout: EMAIL_RETRY_BOUND,
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '15 minutes' },
  });
  return notifier.sendEmails(messages);
}
