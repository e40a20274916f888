// English words of a session's panel on Process status: its emails, its controls and its series.
// Spread into the dictionary (en.ts); split off to keep each file short.
export const enSessions = {
  providerStatus: {
    delivery_delayed: 'delivery delayed',
    delivered: 'delivered',
    bounced: 'bounced',
    complained: 'marked as spam',
    failed: 'not delivered',
  },
  timeline: {
    summary: '{{sent}} of {{total}} sent',
    title: 'Emails',
    sentAt: 'Sent {{at}}',
    forDate: 'for {{date}}',
    next: 'Next: {{step}}',
    to: 'To {{names}}',
    recipient_one: '{{name}} (1 item)',
    recipient_other: '{{name}} ({{count}} items)',
    nobody: 'Nobody: every owner has reported.',
    done: 'Nothing more to send',
    doneBecause: {
      scheduled: 'Invitation and reminder are switched off or done.',
      held: 'The session has been held.',
      cancelled: 'The session was cancelled.',
    },
  },
  retry: {
    title_one: '1 email was not sent',
    title_other: '{{count}} emails were not sent',
    explain:
      'The email provider refused them (the reason is next to each name above). Fix the cause, for example the owner’s address, then send them again: nobody gets an email twice.',
    button: 'Send failed emails again',
    asked_one: 'Asked: 1 email goes out again in a moment.',
    asked_other: 'Asked: {{count}} emails go out again in a moment.',
  },
  controls: {
    title: 'Change this session',
    date: 'New date',
    move: 'Move session',
    sendInvitation: 'Send invitation',
    sendReminder: 'Send reminder',
    cancel: 'Cancel session',
    cancelTitle: 'Cancel this session?',
    cancelExplain:
      'Nothing more will be sent. Owners who were already invited get one email saying it is cancelled.',
    reason: 'Reason (optional)',
    reasonHint: 'Quoted in the cancellation email.',
    keep: 'Keep the session',
    confirmCancel: 'Cancel session',
  },
  paused: {
    title: 'Your emails are paused',
    explain: 'You paused Rhythm’s invitations and reminders in this team. Nobody is told you are away.',
    resume: 'Receive emails again',
  },
  series: {
    title: 'Repeating series',
    repeats: 'Repeats: {{repeat}}',
    stopped: 'This series no longer repeats: no more sessions are added.',
    cancelled: 'This series was cancelled.',
    occurrence: 'Session {{number}} of the series',
    next: 'Next dates: {{dates}}',
    nextExplain: 'Each session is added two dates ahead, so its invitation goes out a week before it.',
    repeatLabel: 'Repeat from the next session',
    change: 'Change repeat',
    cancel: 'Cancel all sessions of the series',
    cancelTitle: 'Cancel the whole series?',
    cancelExplain:
      'Every session of the series still ahead is cancelled, and no more are added. Owners already invited get one email per session saying it is cancelled.',
    keep: 'Keep the series',
    confirmCancel: 'Cancel the series',
  },
};
