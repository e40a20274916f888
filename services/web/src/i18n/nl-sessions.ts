// Dutch words of a session's panel on Process status, typed against the English ones.
import type { enSessions } from './en-sessions';
import type { Shape } from './shape';

export const nlSessions: Shape<typeof enSessions> = {
  providerStatus: {
    delivery_delayed: 'bezorging vertraagd',
    delivered: 'bezorgd',
    bounced: 'teruggekomen',
    complained: 'als spam gemarkeerd',
    failed: 'niet bezorgd',
  },
  timeline: {
    summary: '{{sent}} van {{total}} verstuurd',
    title: 'E-mails',
    sentAt: 'Verstuurd {{at}}',
    forDate: 'voor {{date}}',
    next: 'Volgende: {{step}}',
    to: 'Aan {{names}}',
    recipient_one: '{{name}} (1 onderdeel)',
    recipient_other: '{{name}} ({{count}} onderdelen)',
    nobody: 'Niemand: iedere eigenaar heeft gerapporteerd.',
    done: 'Niets meer te versturen',
    doneBecause: {
      scheduled: 'Uitnodiging, herinnering en escalatie staan uit of zijn gedaan.',
      held: 'De sessie is gehouden.',
      cancelled: 'De sessie is geannuleerd.',
    },
  },
  retry: {
    title_one: '1 e-mail is niet verstuurd',
    title_other: '{{count}} e-mails zijn niet verstuurd',
    explain:
      'De e-mailprovider weigerde ze (de reden staat hierboven bij elke naam). Los de oorzaak op, bijvoorbeeld het adres van de eigenaar, en verstuur ze opnieuw: niemand krijgt een e-mail twee keer.',
    button: 'Mislukte e-mails opnieuw versturen',
    asked_one: 'Gevraagd: 1 e-mail gaat zo opnieuw uit.',
    asked_other: 'Gevraagd: {{count}} e-mails gaan zo opnieuw uit.',
  },
  controls: {
    title: 'Deze sessie wijzigen',
    date: 'Nieuwe datum',
    move: 'Sessie verplaatsen',
    sendInvitation: 'Uitnodiging sturen',
    sendReminder: 'Herinnering sturen',
    sendEscalation: 'Escalatie sturen',
    cancel: 'Sessie annuleren',
    cancelTitle: 'Deze sessie annuleren?',
    cancelExplain:
      'Er wordt niets meer verstuurd. Eigenaren die al waren uitgenodigd krijgen één e-mail dat de sessie vervalt.',
    reason: 'Reden (optioneel)',
    reasonHint: 'Wordt in de annuleringsmail vermeld.',
    keep: 'Sessie behouden',
    confirmCancel: 'Sessie annuleren',
  },
  paused: {
    title: 'Je e-mails zijn gepauzeerd',
    explain: 'Je hebt de uitnodigingen en herinneringen van Rhythm in dit team gepauzeerd.',
    resume: 'Weer e-mails ontvangen',
  },
  series: {
    title: 'Herhalende reeks',
    repeats: 'Herhaalt: {{repeat}}',
    stopped: 'Deze reeks herhaalt niet meer: er komen geen sessies meer bij.',
    cancelled: 'Deze reeks is geannuleerd.',
    occurrence: 'Sessie {{number}} van de reeks',
    next: 'Volgende data: {{dates}}',
    nextExplain:
      'Elke sessie wordt twee data vooruit toegevoegd, zodat de uitnodiging een week ervoor uitgaat.',
    repeatLabel: 'Herhalen vanaf de volgende sessie',
    change: 'Herhaling wijzigen',
    cancel: 'Alle sessies van de reeks annuleren',
    cancelTitle: 'De hele reeks annuleren?',
    cancelExplain:
      'Elke sessie van de reeks die nog komt wordt geannuleerd, en er komen er geen meer bij. Eigenaren die al waren uitgenodigd krijgen per sessie één e-mail dat die vervalt.',
    keep: 'Reeks behouden',
    confirmCancel: 'Reeks annuleren',
  },
};
