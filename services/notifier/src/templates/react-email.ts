// Renders a model with React Email: HTML, and the text derived from it. The notifier calls it once
// per template structure (compile.ts) and for the rare email the compiled path cannot reproduce
// exactly (fill.ts); the equivalence test uses it, per email, as the reference.
import type { DeliveryStep } from '@rhythm/domain';
import { Preview } from '@react-email/components';
import { render, toPlainText } from '@react-email/render';
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CancelledEmail } from './cancelled.email.js';
import type { EmailModel } from './email-model.js';
import { EscalationEmail } from './escalation.email.js';
import { InvitationEmail } from './invitation.email.js';
import type { TemplateProps } from './layout.js';
import { MovedEmail } from './moved.email.js';
import { ReminderEmail } from './reminder.email.js';

// Keyed by the domain's steps, so a new step without a template fails to compile.
const templates: Record<DeliveryStep, FunctionComponent<TemplateProps>> = {
  invitation: InvitationEmail,
  reminder: ReminderEmail,
  moved: MovedEmail,
  cancelled: CancelledEmail,
  escalation: EscalationEmail,
};

export function assertTemplate(template: DeliveryStep): void {
  // The message crossed a process boundary as JSON: its template name is only a string there.
  if (!Object.hasOwn(templates, template)) throw new RangeError(`No email template ${String(template)}`);
}

export async function renderWithReactEmail(
  template: DeliveryStep,
  model: EmailModel,
): Promise<{ html: string; text: string }> {
  assertTemplate(template);
  const html = await render(createElement(templates[template], { model }));
  // The text is derived from the HTML, as `render(…, { plainText: true })` does internally.
  return { html, text: toPlainText(html) };
}

/**
 * The markup React Email's Preview gives a preview line: the line, padded to 150 characters with
 * invisible spaces so clients do not fill the inbox preview with the body's first words.
 */
export function previewMarkup(line: string): string {
  return renderToStaticMarkup(createElement(Preview, null, line));
}
