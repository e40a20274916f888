// Renders one message into subject, HTML and plain text with React Email, in the recipient's locale.
import type { DeliveryStep, EmailMessage } from '@rhythm/domain';
import { render, toPlainText } from '@react-email/render';
import { createElement, type FunctionComponent } from 'react';
import { CancelledEmail } from './cancelled.email.js';
import { buildEmailModel, type Links } from './email-model.js';
import { InvitationEmail } from './invitation.email.js';
import type { TemplateProps } from './layout.js';
import { MovedEmail } from './moved.email.js';
import { ReminderEmail } from './reminder.email.js';

export type { Links } from './email-model.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

// Keyed by the domain's steps, so a new step without a template fails to compile.
const templates: Record<DeliveryStep, FunctionComponent<TemplateProps>> = {
  invitation: InvitationEmail,
  reminder: ReminderEmail,
  moved: MovedEmail,
  cancelled: CancelledEmail,
};

export async function renderEmail(message: EmailMessage, links: Links): Promise<RenderedEmail> {
  const Template = templates[message.template] as FunctionComponent<TemplateProps> | undefined;
  if (!Template) throw new RangeError(`No email template ${String(message.template)}`);
  const model = buildEmailModel(message, links);
  const element = createElement(Template, { model });
  // Render once and derive the text from the HTML (what `render(…, { plainText: true })` does
  // internally): rendering is most of the notifier's CPU, and it must keep up with 200 emails/s.
  const html = await render(element);
  const text = toPlainText(html);
  // A subject is one header line: a line break in a team name must not split it.
  const subject = model.t[message.template].subject(model.facts).replace(/\s+/g, ' ').trim();
  return { subject, html, text };
}
