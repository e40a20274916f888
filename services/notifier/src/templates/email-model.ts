// Turns a message into what the components show: translated words, formatted dates, full links.
// Components then only lay things out, and every template shows the same facts the same way.
import type { EmailMessage } from '@rhythm/domain';
import { calendarUrl } from '@rhythm/platform';
import { messages, type Facts, type Messages } from './messages.js';
import { formatSessionDate } from './session-date.js';

export interface Links {
  /** Web app base URL, e.g. http://localhost:3000 (the API serves the same origin). */
  web: string;
  /**
   * EMAIL_LINK_SECRET: the calendar link is then the signed invitation (METHOD:REQUEST for this
   * owner, no sign-in); without it, the web app's page that downloads the file signed in.
   */
  secret?: string;
}

export interface EmailItemView {
  id: string;
  title: string;
  typeLabel: string;
  reportUrl: string;
  /** Only in the escalation, which lists other people's items. */
  ownerName?: string;
}

export interface EmailModel {
  locale: EmailMessage['to']['locale'];
  t: Messages;
  facts: Facts;
  recipientName: string;
  reason?: string;
  timeZone: string;
  items: EmailItemView[];
  sessionUrl: string;
  calendarUrl: string;
}

export function buildEmailModel(message: EmailMessage, links: Links): EmailModel {
  // The message crossed a process boundary as JSON; fail loudly rather than send a half-empty email.
  if (!Object.hasOwn(messages, message.to.locale))
    throw new RangeError(`No translations for locale ${String(message.to.locale)}`);
  const t: Messages = messages[message.to.locale];

  const web = links.web.replace(/\/+$/, '');
  const sessionPath = `teams/${encodeURIComponent(message.teamId)}/sessions/${encodeURIComponent(message.sessionId)}`;
  return {
    locale: message.to.locale,
    t,
    facts: {
      team: message.teamName,
      kind: t.kind[message.kind],
      date: formatSessionDate(message.sessionDate, t.intlLocale),
      previousDate: message.previousDate ? formatSessionDate(message.previousDate, t.intlLocale) : undefined,
    },
    recipientName: message.to.name,
    reason: message.reason?.trim() || undefined,
    timeZone: message.timeZone,
    items: message.items.map((item) => ({
      id: item.id,
      title: item.title,
      typeLabel: t.itemType[item.type],
      reportUrl: `${web}/${sessionPath}/items/${encodeURIComponent(item.id)}/report`,
      // Other templates never name the owner (it is the recipient): their structure has no slot.
      ...(message.template === 'escalation' ? { ownerName: item.ownerName ?? '' } : {}),
    })),
    sessionUrl: `${web}/${sessionPath}`,
    calendarUrl: links.secret
      ? calendarUrl(web, links.secret, message.sessionId, message.to.userId)
      : `${web}/${sessionPath}/calendar`,
  };
}
