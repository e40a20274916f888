// Every word the emails say, in one table per locale. The table is typed by `Locale`, so adding a
// locale or a string without translating it everywhere fails to compile.
import type { DeliveryStep, ItemType, Locale, SessionKind } from '@rhythm/domain';

/** What a sentence may mention; dates arrive already formatted for the locale. */
export interface Facts {
  team: string;
  /** The session kind as a noun phrase, e.g. "steering session". */
  kind: string;
  date: string;
  /** For a moved session: the date the owner was invited for, when the message says. */
  previousDate?: string;
}

export interface TemplateMessages {
  subject: (facts: Facts) => string;
  /** The inbox preview line, shown next to the subject by most clients. */
  preview: (facts: Facts) => string;
  intro: (facts: Facts) => string;
  itemsHeading: string;
  calendarLink: string;
}

export interface Messages extends Record<DeliveryStep, TemplateMessages> {
  /** The BCP 47 locale Intl uses for dates; `en` reads dates the British way (day month year). */
  intlLocale: string;
  kind: Record<SessionKind, string>;
  itemType: Record<ItemType, string>;
  greeting: (name: string) => string;
  reportLink: string;
  /** Beside each item of the escalation: whom the process owner may chase. */
  itemOwner: (name: string) => string;
  sessionLink: string;
  reason: (reason: string) => string;
  timeZoneNote: (timeZone: string) => string;
  signature: string;
}

export const messages: Record<Locale, Messages> = {
  en: {
    intlLocale: 'en-GB',
    kind: { doing: 'doing session', steering: 'steering session' },
    itemType: { strategy: 'strategy', kpi: 'KPI', action: 'action' },
    greeting: (name) => `Hi ${name},`,
    reportLink: 'Progress report',
    itemOwner: (name) => `owner: ${name}`,
    sessionLink: 'See all items for this session',
    reason: (reason) => `Reason: ${reason}`,
    timeZoneNote: (timeZone) => `Dates are in your team's time zone (${timeZone}).`,
    signature: 'Thanks, Rhythm',
    invitation: {
      subject: ({ team, kind, date }) =>
        `${team}: please add your progress reports for the ${kind} on ${date}`,
      preview: ({ kind, date }) => `The ${kind} is on ${date}.`,
      intro: ({ team, kind, date }) =>
        `The ${kind} of ${team} is on ${date}. Please add a progress report on each of your items before then: progress, a traffic light and a short explanation.`,
      itemsHeading: 'Your items',
      calendarLink: 'Add to your calendar',
    },
    reminder: {
      subject: ({ team, kind, date }) => `${team}: reminder, progress reports for the ${kind} on ${date}`,
      preview: ({ kind, date }) => `A few reports are still missing for the ${kind} on ${date}.`,
      intro: ({ team, kind, date }) =>
        `The ${kind} of ${team} is on ${date}. These items of yours still need a progress report:`,
      itemsHeading: 'Still to report',
      calendarLink: 'Add to your calendar',
    },
    moved: {
      subject: ({ team, kind, date }) => `${team}: the ${kind} has moved to ${date}`,
      preview: ({ kind, date }) => `The ${kind} is now on ${date}.`,
      intro: ({ team, kind, date, previousDate }) =>
        `The ${kind} of ${team} has moved ${previousDate ? `from ${previousDate} ` : ''}to ${date}. Your reports are welcome until then.`,
      itemsHeading: 'Your items',
      calendarLink: 'Update your calendar',
    },
    cancelled: {
      subject: ({ team, kind, date }) => `${team}: the ${kind} on ${date} is cancelled`,
      preview: ({ kind, date }) => `The ${kind} on ${date} will not take place.`,
      intro: ({ team, kind, date }) =>
        `The ${kind} of ${team} on ${date} is cancelled. You do not need to report for it.`,
      itemsHeading: 'Your items, for reference',
      calendarLink: 'Update your calendar',
    },
    escalation: {
      subject: ({ team, kind, date }) => `${team}: reports still missing for the ${kind} on ${date}`,
      preview: ({ kind, date }) => `Not every item has a progress report yet for the ${kind} on ${date}.`,
      intro: ({ team, kind, date }) =>
        `The ${kind} of ${team} is on ${date}. These items still have no current progress report, each with its owner, in case you want to follow up:`,
      itemsHeading: 'Still without a report',
      calendarLink: 'Add to your calendar',
    },
  },
  // Informal "je", as Dutch workplace software usually addresses people. The session kinds are
  // named after what they review ("actiesessie", "strategiesessie"), plain Dutch compounds rather
  // than the literal "doe-sessie"/"stuur-sessie".
  nl: {
    intlLocale: 'nl-NL',
    kind: { doing: 'actiesessie', steering: 'strategiesessie' },
    itemType: { strategy: 'strategie', kpi: 'KPI', action: 'actie' },
    greeting: (name) => `Hoi ${name},`,
    reportLink: 'Voortgangsrapportage',
    itemOwner: (name) => `eigenaar: ${name}`,
    sessionLink: 'Bekijk alle items van deze sessie',
    reason: (reason) => `Reden: ${reason}`,
    timeZoneNote: (timeZone) => `Datums volgen de tijdzone van je team (${timeZone}).`,
    signature: 'Bedankt, Rhythm',
    invitation: {
      subject: ({ team, kind, date }) =>
        `${team}: voeg je voortgangsrapportages toe voor de ${kind} van ${date}`,
      preview: ({ kind, date }) => `De ${kind} is op ${date}.`,
      intro: ({ team, kind, date }) =>
        `De ${kind} van ${team} is op ${date}. Wil je vóór die tijd bij elk van je items een voortgangsrapportage toevoegen: de voortgang, een stoplicht en een korte toelichting?`,
      itemsHeading: 'Je items',
      calendarLink: 'Zet in je agenda',
    },
    reminder: {
      subject: ({ team, kind, date }) =>
        `${team}: herinnering, voortgangsrapportages voor de ${kind} van ${date}`,
      preview: ({ kind, date }) => `Er ontbreken nog rapportages voor de ${kind} van ${date}.`,
      intro: ({ team, kind, date }) =>
        `De ${kind} van ${team} is op ${date}. Voor deze items van jou ontbreekt nog een voortgangsrapportage:`,
      itemsHeading: 'Nog te rapporteren',
      calendarLink: 'Zet in je agenda',
    },
    moved: {
      subject: ({ team, kind, date }) => `${team}: de ${kind} is verplaatst naar ${date}`,
      preview: ({ kind, date }) => `De ${kind} is nu op ${date}.`,
      intro: ({ team, kind, date, previousDate }) =>
        `De ${kind} van ${team} is verplaatst ${previousDate ? `van ${previousDate} ` : ''}naar ${date}. Je rapportages zijn tot dan welkom.`,
      itemsHeading: 'Je items',
      calendarLink: 'Werk je agenda bij',
    },
    cancelled: {
      subject: ({ team, kind, date }) => `${team}: de ${kind} van ${date} gaat niet door`,
      preview: ({ kind, date }) => `De ${kind} van ${date} gaat niet door.`,
      intro: ({ team, kind, date }) =>
        `De ${kind} van ${team} op ${date} gaat niet door. Je hoeft er niets voor te rapporteren.`,
      itemsHeading: 'Je items, ter informatie',
      calendarLink: 'Werk je agenda bij',
    },
    escalation: {
      subject: ({ team, kind, date }) => `${team}: nog ontbrekende rapportages voor de ${kind} van ${date}`,
      preview: ({ kind, date }) =>
        `Nog niet elk item heeft een voortgangsrapportage voor de ${kind} van ${date}.`,
      intro: ({ team, kind, date }) =>
        `De ${kind} van ${team} is op ${date}. Voor deze items ontbreekt nog een actuele voortgangsrapportage; bij elk staat de eigenaar, voor als je wilt navragen:`,
      itemsHeading: 'Nog zonder rapportage',
      calendarLink: 'Zet in je agenda',
    },
  },
};
