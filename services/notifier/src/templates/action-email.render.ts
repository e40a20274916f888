// Renders an action email (action-email.tsx) with React Email directly. Not through the compiled
// fast path (compile.ts, fill.ts): that one is for session emails sent by the thousand at the
// provider's rate, and its structures are a session's; these go one at a time, when someone asks,
// so the few milliseconds of React Email do not matter.
import type { Locale } from '@rhythm/domain';
import { render, toPlainText } from '@react-email/render';
import { createElement } from 'react';
import { ActionEmail, type ActionEmailModel } from './action-email.js';
import type { RenderedEmail } from './render.js';

/** The words of one locale. The message crossed a process boundary as JSON: fail loudly rather than send a half-empty email. */
export function wordsFor<T>(table: Record<Locale, T>, locale: Locale): T {
  if (!Object.hasOwn(table, locale)) throw new RangeError(`No translations for locale ${String(locale)}`);
  return table[locale];
}

/** `${web}/<page>?token=…`: a page of the web app that takes the link's secret. */
export function tokenLink(web: string, page: string, token: string): string {
  return `${web.replace(/\/+$/, '')}/${page}?token=${encodeURIComponent(token)}`;
}

/**
 * When a link stops working, in the recipient's language. Their zone is unknown (they may have no
 * account, or not be signed in): UTC, and said so.
 */
export function formatExpiry(expiresAt: string, intlLocale: string): string {
  const format = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return `${format.format(new Date(expiresAt))} UTC`;
}

export async function renderActionEmail(subject: string, model: ActionEmailModel): Promise<RenderedEmail> {
  const html = await render(createElement(ActionEmail, { model }));
  return {
    // A subject is one header line: a line break in a team name must not split it.
    subject: subject.replace(/\s+/g, ' ').trim(),
    html,
    text: toPlainText(html),
  };
}
