// Renders one message into subject, HTML and text. (A first, plain version; see README.)
import type { EmailMessage } from '@rhythm/domain';

export interface Links {
  /** Web app base URL, e.g. http://localhost:3000. */
  web: string;
  /** API base URL, for the calendar file. */
  api: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export async function renderEmail(message: EmailMessage, links: Links): Promise<RenderedEmail> {
  const items = message.items.map((item) => `- ${item.title}: ${links.web}/teams/${message.teamId}/sessions/${message.sessionId}/items/${item.id}/report`);
  const subject = `${message.teamName}: ${message.template} for the ${message.kind} session on ${message.sessionDate}`;
  const text = [subject, '', ...items, '', `${links.api}/api/teams/${message.teamId}/sessions/${message.sessionId}/calendar.ics`].join('\n');
  const html = `<p>${escapeHtml(subject)}</p><ul>${message.items.map((item) => `<li>${escapeHtml(item.title)}</li>`).join('')}</ul>`;
  return { subject, html, text };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
