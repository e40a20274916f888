/**
 * Workflow changes since v1, each behind `patched()` so that histories of older runs replay:
 * - a session's emails never fail it: a notifier call that gives up (retries past the 20-hour
 *   bound) is recorded as failed sends, and the workflow carries on;
 * - "moved" notices are counted per session (round), so A → B → A → B tells owners three times;
 * - owners left with no items get no "moved" or "cancelled" notice;
 * - the escalation the day before (issue 16): asked once at the start of a run, so that a run
 *   started before it never escalates, even when switched on later.
 * Without a patch, because no older history can take the new path: the `planChanged` signal (late
 * owners invited) and the keeper's `resume` start argument did not exist before, and without them
 * the workflow issues the same commands as before.
 */
export const PATCHES = {
  emailNeverFailsSession: 'email-never-fails-session',
  movedNoticeRounds: 'moved-notice-rounds',
  noNoticeWithoutItems: 'no-notice-without-items',
  escalationStep: 'escalation-step',
} as const;
