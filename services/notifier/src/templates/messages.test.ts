import type { DeliveryStep, Locale } from '@rhythm/domain';
import { messages, type Facts, type Messages } from './messages.js';

// Checked by `tsc` (Jest strips types): a locale missing a string must not compile.
const _incomplete: Record<Locale, Messages> = {
  en: messages.en,
  // @ts-expect-error reportLink is missing from the Dutch table
  nl: { ...messages.nl, reportLink: undefined },
};

describe('messages', () => {
  const facts: Facts = { team: 'Team Atlas', kind: 'x', date: 'y' };
  const steps: DeliveryStep[] = ['invitation', 'reminder', 'moved', 'cancelled', 'escalation'];

  it.each(steps)('translates every %s sentence, none left in English', (step) => {
    for (const key of ['subject', 'preview', 'intro'] as const) {
      expect(messages.nl[step][key](facts)).not.toBe(messages.en[step][key](facts));
    }
    expect(messages.nl[step].itemsHeading).not.toBe(messages.en[step].itemsHeading);
    expect(messages.nl[step].calendarLink).not.toBe(messages.en[step].calendarLink);
  });
});
