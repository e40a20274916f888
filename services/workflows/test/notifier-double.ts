// Stands in for the notifier on the `notifications` queue in tests about the workflow's decisions
// (who is emailed what, when): it records each batch and answers as the notifier does, skipping
// owners without an address or who left the team. The notifier's own tests cover real sending.
import type { EmailMessage, NotifierActivities, SendResult } from '@rhythm/domain';

export interface RecordingNotifier {
  activities: NotifierActivities;
  batches: EmailMessage[][];
  /** Messages for one session, as "step:userName:date" strings, sorted. */
  sentFor(sessionId: string): string[];
}

export function recordingNotifier(): RecordingNotifier {
  const batches: EmailMessage[][] = [];
  return {
    batches,
    activities: {
      async sendEmails(messages: EmailMessage[]): Promise<SendResult[]> {
        batches.push(messages);
        return messages.map((message) => {
          const base = { idempotencyKey: message.idempotencyKey, userId: message.to.userId };
          if (!message.to.member) return { ...base, state: 'skipped', reason: 'left the team' };
          if (!message.to.email) return { ...base, state: 'skipped', reason: 'no email address' };
          return { ...base, state: 'sent' };
        });
      },
    },
    sentFor(sessionId) {
      return batches
        .flat()
        .filter((message) => message.sessionId === sessionId && message.to.email && message.to.member)
        .map((message) => `${message.template}:${message.to.name}:${message.sessionDate}`)
        .sort();
    },
  };
}
