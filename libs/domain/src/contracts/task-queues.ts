/** The session workflows and their database activities. */
export const SESSIONS_TASK_QUEUE = 'sessions';
/** The notifier's email activities; the notifier paces Resend itself (NOTIFIER_REQUESTS_PER_SECOND). */
export const NOTIFICATIONS_TASK_QUEUE = 'notifications';

/** Ops find a session's workflow by the business key. */
export function sessionWorkflowId(sessionId: string): string {
  return `session-${sessionId}`;
}
