/** The session workflows and their database activities. */
export const SESSIONS_TASK_QUEUE = 'sessions';
/** The notifier's email activities, rate-limited on the queue to stay inside Resend's limit. */
export const NOTIFICATIONS_TASK_QUEUE = 'notifications';

/** Ops find a session's workflow by the business key. */
export function sessionWorkflowId(sessionId: string): string {
  return `session-${sessionId}`;
}
