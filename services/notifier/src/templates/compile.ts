// Compiles one template structure: React Email renders it three times with tokens for every
// per-recipient value (no item, one item, two items), and the HTML and text are cut at the tokens
// into constant pieces and slots, with the markup of one list item as a sub-template. Every cut is
// checked against the renderings it came from, so a layout change that breaks an assumption
// (an item that is not repeated markup, an item over several lines of text) fails loudly here
// instead of sending a different email.
import { previewMarkup, renderWithReactEmail } from './react-email.js';
import {
  itemSlotOf,
  itemToken,
  PREVIEW,
  placeholderModel,
  token,
  TOKEN,
  type Structure,
} from './placeholders.js';

export interface Slot {
  /** A scalar slot's name, or an item's field for the pieces of an item. */
  name: string;
  item: boolean;
  /**
   * A text node React separated from a neighbouring one with `<!-- -->`: React writes nothing, not
   * even the separator, for an empty string there, so an empty value changes the markup.
   */
  embedded: boolean;
  /** An href: html-to-text drops a leading `mailto:` and a `#…` link from the text. */
  href: boolean;
}
export type Piece = string | Slot;
/** A line of the text with slots; constant lines are plain strings. */
export interface TextLine {
  /** html-to-text's list-item prefix, outside the words it collapses and trims. */
  prefix: string;
  pieces: Piece[];
}
export type Line = string | TextLine;

export interface CompiledTemplate {
  html: { head: Piece[]; item: Piece[]; tail: Piece[] };
  /** `none` is the whole text without items: the blank lines around an empty list merge. */
  text: { none: Line[]; head: Line[]; item: TextLine; tail: Line[] };
}

/** html-to-text's default prefix of an unordered list's item. */
const LIST_ITEM_PREFIX = ' * ';
const SEPARATOR = '<!-- -->';

export async function compileTemplate(structure: Structure): Promise<CompiledTemplate> {
  const [none, one, two] = await Promise.all(
    [0, 1, 2].map((count) => renderWithReactEmail(structure.template, placeholderModel(structure, count))),
  );
  // The preview's padding depends on its length: its whole markup becomes one slot.
  const preview = previewMarkup(token(PREVIEW));
  const [html0, html1, html2] = [none!, one!, two!].map(({ html }) =>
    replaceOnce(html, preview, token(PREVIEW)),
  );
  return {
    html: splitHtml(html0!, html1!, html2!),
    text: splitText(none!.text, one!.text, two!.text),
  };
}

/**
 * With no item the HTML is head + tail, with one head + item + tail, with two the item twice. The
 * common prefix may reach into the item's first characters when the tail starts with the same
 * ones (`<li` and `</ul>` share `<`); the item is then a rotation of the `<li>…</li>` markup, which
 * repeats just as well, and the check against two items proves it.
 */
function splitHtml(none: string, one: string, two: string): CompiledTemplate['html'] {
  const start = commonPrefix(none, one);
  const end = commonSuffix(none, one, none.length - start);
  if (start + end !== none.length) throw new Error('email template: one item changed more than the list');
  const head = none.slice(0, start);
  const tail = none.slice(start);
  const item = one.slice(start, one.length - end);
  if (two !== head + item + secondItem(item) + tail)
    throw new Error('email template: list items are not repeated markup');
  return { head: piecesOf(head, 'scalar'), item: piecesOf(item, 'item'), tail: piecesOf(tail, 'scalar') };
}

/** html-to-text writes each item on one line, after the text before the list. */
function splitText(none: string, one: string, two: string): CompiledTemplate['text'] {
  const lines = one.split('\n');
  const itemLines = lines.flatMap((line, i) => (line.includes(itemToken(0, 'title')) ? [i] : []));
  const at = itemLines[0]!;
  const item = lines[at]!;
  if (itemLines.length !== 1 || !item.startsWith(LIST_ITEM_PREFIX))
    throw new Error('email template: a list item is not one line of text');
  const head = lines.slice(0, at);
  const tail = lines.slice(at + 1);
  if (two !== [...head, item, secondItem(item), ...tail].join('\n'))
    throw new Error('email template: list items are not repeated lines of text');
  return {
    none: none.split('\n').map((line) => lineOf(line, '', 'scalar')),
    head: head.map((line) => lineOf(line, '', 'scalar')),
    item: lineOf(item, LIST_ITEM_PREFIX, 'item') as TextLine,
    tail: tail.map((line) => lineOf(line, '', 'scalar')),
  };
}

function lineOf(line: string, prefix: string, part: 'scalar' | 'item'): Line {
  if (!line.match(TOKEN)) return line;
  return { prefix, pieces: piecesOf(line.slice(prefix.length), part) };
}

/** Cuts a part at its tokens; a part outside the list holds no item's token, an item only item 0's. */
function piecesOf(part: string, kind: 'scalar' | 'item'): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  for (const match of part.matchAll(TOKEN)) {
    const before = part.slice(from, match.index);
    if (before) pieces.push(before);
    const itemSlot = itemSlotOf(match[1]!);
    if (itemSlot && (kind === 'scalar' || itemSlot.index !== 0))
      throw new Error(`email template: ${match[1]} outside its list item`);
    const after = part.slice(match.index + match[0].length);
    pieces.push({
      name: itemSlot?.field ?? match[1]!,
      item: itemSlot !== undefined,
      embedded: before.endsWith(SEPARATOR) || after.startsWith(SEPARATOR),
      href: /href="$/.test(before),
    });
    from = match.index + match[0].length;
  }
  if (from < part.length) pieces.push(part.slice(from));
  // A cut through a token would leave half of it behind as constant text.
  if (pieces.some((piece) => typeof piece === 'string' && /[\uE000\uE001]/.test(piece)))
    throw new Error('email template: a token was cut');
  return pieces;
}

function secondItem(item: string): string {
  return item.replace(TOKEN, (whole, name: string) => {
    const slot = itemSlotOf(name);
    return slot ? itemToken(1, slot.field) : whole;
  });
}

function replaceOnce(html: string, find: string, by: string): string {
  const at = html.indexOf(find);
  if (at < 0 || html.indexOf(find, at + 1) >= 0)
    throw new Error('email template: the preview is not rendered once, as React Email renders it alone');
  return html.slice(0, at) + by + html.slice(at + find.length);
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n < limit && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
