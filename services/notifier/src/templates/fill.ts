// Fills a compiled template with one recipient's values: HTML-escaped as React escapes them in the
// HTML, and in the text as html-to-text would have derived them from that HTML (whitespace
// collapsed within a line). Where the result could differ from React Email's in a way the pieces
// cannot express, it answers undefined and the caller renders that email with React Email.
// String#toWellFormed is ES2024 (Node 20+); the repository's lib is ES2023.
/// <reference lib="es2024.string" />
import type { DeliveryStep } from '@rhythm/domain';
import type { CompiledTemplate, Line, Piece, Slot } from './compile.js';
import type { EmailModel } from './email-model.js';
import { PREVIEW, slotValues, type ItemSlot, type ScalarSlot } from './placeholders.js';
import { previewMarkup } from './react-email.js';

/** A value as it stands in the HTML and in the text. */
interface Value {
  html: string;
  text: string;
}
type Values = (slot: Slot) => Value | undefined;

/** html-to-text's `whitespaceCharacters`: the zero-width space counts, the no-break space does not. */
const WHITESPACE = /[ \t\r\n\f\u200b]+/g;
const LINE_EDGES = /^ | $/g;
/** html-to-text truncates longer HTML (`limits.maxInputLength`). */
const MAX_HTML_FOR_TEXT = 1 << 24;

export function fillTemplate(
  compiled: CompiledTemplate,
  template: DeliveryStep,
  model: EmailModel,
): { html: string; text: string } | undefined {
  const scalars = valuesOf(slotValues(template, model), (name, raw) =>
    name === PREVIEW ? cachedPreviewMarkup(raw) : escapeLikeReact(raw),
  );
  const items = model.items.map((item) =>
    valuesOf({ ...item, ownerName: item.ownerName }, (_, raw) => escapeLikeReact(raw)),
  );
  const scalar: Values = (slot) => scalars[slot.name as ScalarSlot];

  const parts = [
    fillPieces(compiled.html.head, scalar),
    ...items.map((values) =>
      fillPieces(compiled.html.item, (slot) => (slot.item ? values[slot.name as ItemSlot] : scalar(slot))),
    ),
    fillPieces(compiled.html.tail, scalar),
  ];
  if (parts.includes(undefined)) return undefined;
  const html = parts.join('');
  if (html.length > MAX_HTML_FOR_TEXT) return undefined;

  const { none, head, item, tail } = compiled.text;
  const lines =
    items.length === 0
      ? none.map((line) => fillLine(line, scalar))
      : [
          ...head.map((line) => fillLine(line, scalar)),
          ...items.map((values) =>
            fillLine(item, (slot) => (slot.item ? values[slot.name as ItemSlot] : scalar(slot))),
          ),
          ...tail.map((line) => fillLine(line, scalar)),
        ];
  if (lines.includes(undefined)) return undefined;
  return { html, text: lines.join('\n') };
}

/**
 * What React Email's HTML holds for each value: a lone surrogate half (possible in JSON) comes out
 * of its UTF-8 stream as U+FFFD, and the text is derived from that HTML.
 */
function valuesOf<K extends string>(
  raw: Record<K, string | undefined>,
  toHtml: (name: K, raw: string) => string,
): Record<K, Value | undefined> {
  const values = {} as Record<K, Value | undefined>;
  for (const name of Object.keys(raw) as K[]) {
    const value = raw[name];
    if (typeof value !== 'string') continue;
    const text = value.isWellFormed() ? value : value.toWellFormed();
    values[name] = { html: toHtml(name, text), text };
  }
  return values;
}

function fillPieces(pieces: Piece[], values: Values): string | undefined {
  let out = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    const value = values(piece);
    if (!fits(piece, value)) return undefined;
    out += value.html;
  }
  return out;
}

function fits(slot: Slot, value: Value | undefined): value is Value {
  // Missing (a malformed message), or empty where React would also drop a `<!-- -->` separator.
  if (value === undefined || (slot.embedded && value.html === '')) return false;
  // html-to-text leaves these links out of the text, or shortens them, unlike the compiled line.
  return !(slot.href && (value.text.startsWith('#') || value.text.startsWith('mailto:')));
}

/**
 * html-to-text writes a block's words separated by single spaces, nothing before the first or after
 * the last; the constant words already are, so collapsing the filled line gives the same result.
 * A line left without words would change the blank lines around it: that email takes React Email.
 */
function fillLine(line: Line, values: Values): string | undefined {
  if (typeof line === 'string') return line;
  let content = '';
  for (const piece of line.pieces) {
    if (typeof piece === 'string') content += piece;
    else {
      const value = values(piece);
      if (value === undefined) return undefined;
      content += value.text;
    }
  }
  const words = content.replace(WHITESPACE, ' ').replace(LINE_EDGES, '');
  return words ? line.prefix + words : undefined;
}

// React's own escaping of text and attribute values (escapeTextForBrowser in react-dom). Not a
// package: escape-html, html-escaper and lodash write `&#39;` for the apostrophe, `entities` writes
// `&apos;` and `&nbsp;`, React `&#x27;`; render.untrusted.test.ts holds this against React.
const ESCAPED = /["&'<>]/g;
const NEEDS_ESCAPING = /["&'<>]/;
const ENTITIES: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&#x27;',
  '<': '&lt;',
  '>': '&gt;',
};

export function escapeLikeReact(text: string): string {
  return NEEDS_ESCAPING.test(text) ? text.replace(ESCAPED, (c) => ENTITIES[c]!) : text;
}

// The preview line depends on the kind and date only: a handful of lines at a time.
const previews = new Map<string, string>();
function cachedPreviewMarkup(line: string): string {
  let markup = previews.get(line);
  if (markup === undefined) {
    if (previews.size >= 1_000) previews.clear();
    markup = previewMarkup(line);
    previews.set(line, markup);
  }
  return markup;
}
