// The per-recipient values of an email, named once: the compiler renders the components with a
// token in place of each (placeholderModel), the filler puts the recipient's values back
// (slotValues). Both read the same names, so a value cannot be compiled under one name and filled
// under another.
import type { DeliveryStep } from '@rhythm/domain';
import type { EmailItemView, EmailModel } from './email-model.js';
import { messages } from './messages.js';

/**
 * What decides an email's shape rather than its words: the compiled template of one structure
 * serves every recipient with that structure. The session kind is part of it because the header
 * capitalises it (a token cannot be capitalised); it is one of two phrases per locale anyway.
 */
export interface Structure {
  template: DeliveryStep;
  locale: EmailModel['locale'];
  kind: string;
  hasReason: boolean;
  hasPreviousDate: boolean;
}

export function structureOf(template: DeliveryStep, model: EmailModel): Structure {
  return {
    template,
    locale: model.locale,
    kind: model.facts.kind,
    hasReason: Boolean(model.reason),
    hasPreviousDate: Boolean(model.facts.previousDate),
  };
}

export const structureKey = (s: Structure): string =>
  [s.template, s.locale, s.kind, s.hasReason, s.hasPreviousDate].join('\u0000');

/**
 * The inbox preview is one slot: React Email pads it to 150 characters with invisible spaces, so
 * its markup depends on its length and is rendered per distinct preview line (see fill.ts).
 */
export const PREVIEW = 'preview';

export type ScalarSlot =
  | typeof PREVIEW
  | 'team'
  | 'date'
  | 'previousDate'
  | 'recipientName'
  | 'reason'
  | 'timeZone'
  | 'sessionUrl'
  | 'calendarUrl';
export type ItemSlot = keyof EmailItemView;

/** A recipient's values; undefined where the structure has no such part. */
export type ScalarValues = Record<ScalarSlot, string | undefined>;

export function slotValues(template: DeliveryStep, model: EmailModel): ScalarValues {
  return {
    [PREVIEW]: model.t[template].preview(model.facts),
    team: model.facts.team,
    date: model.facts.date,
    previousDate: model.facts.previousDate,
    recipientName: model.recipientName,
    reason: model.reason,
    timeZone: model.timeZone,
    sessionUrl: model.sessionUrl,
    calendarUrl: model.calendarUrl,
  };
}

// Private-use characters: React does not escape them and html-to-text keeps them inside a word,
// and no translation contains them, so a token survives both renderings intact and unmistakable.
const OPEN = '\uE000';
const CLOSE = '\uE001';
export const TOKEN = /\uE000([^\uE001]*)\uE001/g;
const ITEM_PREFIX = 'items.';

export const token = (name: string): string => `${OPEN}${name}${CLOSE}`;
export const itemToken = (index: number, field: ItemSlot): string => token(`${ITEM_PREFIX}${index}.${field}`);

/** The item index and field of an item token's name, or undefined for a scalar slot. */
export function itemSlotOf(name: string): { index: number; field: ItemSlot } | undefined {
  if (!name.startsWith(ITEM_PREFIX)) return undefined;
  const [index, field] = name.slice(ITEM_PREFIX.length).split('.');
  return { index: Number(index), field: field as ItemSlot };
}

/**
 * The model the components render once per structure: the structure's constants as they are,
 * every per-recipient string a token, and `itemCount` items of tokens.
 */
export function placeholderModel(s: Structure, itemCount: number): EmailModel {
  const t = messages[s.locale];
  return {
    locale: s.locale,
    t: { ...t, [s.template]: { ...t[s.template], preview: () => token(PREVIEW) } },
    facts: {
      team: token('team'),
      kind: s.kind,
      date: token('date'),
      previousDate: s.hasPreviousDate ? token('previousDate') : undefined,
    },
    recipientName: token('recipientName'),
    reason: s.hasReason ? token('reason') : undefined,
    timeZone: token('timeZone'),
    items: Array.from({ length: itemCount }, (_, i) => ({
      id: itemToken(i, 'id'),
      title: itemToken(i, 'title'),
      typeLabel: itemToken(i, 'typeLabel'),
      reportUrl: itemToken(i, 'reportUrl'),
      ...(s.template === 'escalation' ? { ownerName: itemToken(i, 'ownerName') } : {}),
    })),
    sessionUrl: token('sessionUrl'),
    calendarUrl: token('calendarUrl'),
  };
}
