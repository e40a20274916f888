// Bulk import of a plan kept elsewhere (a spreadsheet, a CSV file): rows are parsed and checked
// here, without I/O, so the page can preview every row with its problems before anything is saved.
// Parsing is papaparse's (quotes, embedded commas and line breaks, tab-separated pastes).
import Papa from 'papaparse';

export type ImportType = 'strategy' | 'kpi' | 'action';

/** Why a row cannot be saved; the page words each code in the reader's language. */
export type RowProblem =
  | 'unknownType'
  | 'emptyTitle'
  | 'unknownOwner'
  | 'missingStrategy'
  | 'unknownStrategy'
  | 'duplicate'
  | 'alreadyInPlan';

export interface ImportRow {
  /** 1-based line of the pasted text or file, as the person sees it in their spreadsheet. */
  line: number;
  type: ImportType | null;
  /** The type as written, shown when it is not one we know. */
  typeText: string;
  title: string;
  ownerEmail: string;
  /** The owner the email names; null when the row names none (the importer owns it). */
  ownerId: string | null;
  strategyTitle: string;
  problems: RowProblem[];
}

export interface ImportContext {
  members: readonly { userId: string; email: string | null }[];
  /** The plan as it is: rows equal to an item in it are not imported twice. */
  existing: readonly { type: ImportType; title: string; strategyTitle: string }[];
}

// Every word a person may write for a type, in English and Dutch, singular and plural.
const typeWords: Record<string, ImportType> = {
  strategy: 'strategy',
  strategies: 'strategy',
  strategie: 'strategy',
  strategieën: 'strategy',
  kpi: 'kpi',
  kpis: 'kpi',
  "kpi's": 'kpi',
  action: 'action',
  actions: 'action',
  actie: 'action',
  acties: 'action',
};

// Header names, by column; a first row made only of these is a header, not a row to import.
const headerWords: Record<string, keyof Cells> = {
  type: 'type',
  soort: 'type',
  title: 'title',
  titel: 'title',
  owner: 'owner',
  'owner email': 'owner',
  eigenaar: 'owner',
  'e-mail eigenaar': 'owner',
  email: 'owner',
  strategy: 'strategy',
  'parent strategy': 'strategy',
  strategie: 'strategy',
};

interface Cells {
  type: string;
  title: string;
  owner: string;
  strategy: string;
}

const defaultColumns: (keyof Cells)[] = ['type', 'title', 'owner', 'strategy'];

const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Splits pasted text or a file's contents into cells: tab-separated or CSV, guessed by papaparse. */
export function parseCells(text: string): { line: number; cells: string[] }[] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  // Line numbers count the text's own lines, so quoted line breaks inside a cell are counted too.
  let line = 1;
  const rows: { line: number; cells: string[] }[] = [];
  for (const cells of result.data) {
    const at = line;
    line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0);
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: at, cells });
  }
  return rows;
}

/** Reads the rows (a header row, when there is one, decides the columns) and checks each one. */
export function readImport(text: string, context: ImportContext): ImportRow[] {
  const parsed = parseCells(text);
  const first = parsed[0];
  const header = first && first.cells.every((cell) => !cell.trim() || norm(cell) in headerWords);
  const columns = header ? first.cells.map((cell) => headerWords[norm(cell)]) : defaultColumns;
  const rows = (header ? parsed.slice(1) : parsed).map(({ line, cells }) => {
    const value: Cells = { type: '', title: '', owner: '', strategy: '' };
    cells.forEach((cell, index) => {
      const column = columns[index];
      if (column) value[column] = cell.trim().replace(/\s+/g, ' ');
    });
    return { line, value };
  });
  return validate(rows, context);
}

function validate(rows: { line: number; value: Cells }[], context: ImportContext): ImportRow[] {
  const emails = new Map(
    context.members.flatMap((member) => (member.email ? [[norm(member.email), member.userId] as const] : [])),
  );
  const key = (type: ImportType | null, title: string, strategy: string) =>
    `${type}\u0000${norm(title)}\u0000${type === 'strategy' ? '' : norm(strategy)}`;
  const inPlan = new Set(context.existing.map((item) => key(item.type, item.title, item.strategyTitle)));
  const strategies = new Set([
    ...context.existing.filter((item) => item.type === 'strategy').map((item) => norm(item.title)),
    ...rows
      .filter((row) => typeWords[norm(row.value.type)] === 'strategy')
      .map((row) => norm(row.value.title)),
  ]);
  const seen = new Set<string>();

  return rows.map(({ line, value }) => {
    const type = typeWords[norm(value.type)] ?? null;
    const problems: RowProblem[] = [];
    if (!type) problems.push('unknownType');
    if (!value.title) problems.push('emptyTitle');
    const ownerId = value.owner ? (emails.get(norm(value.owner)) ?? null) : null;
    if (value.owner && !ownerId) problems.push('unknownOwner');
    if (type && type !== 'strategy') {
      if (!value.strategy) problems.push('missingStrategy');
      else if (!strategies.has(norm(value.strategy))) problems.push('unknownStrategy');
    }
    const itemKey = key(type, value.title, value.strategy);
    if (type && value.title) {
      if (inPlan.has(itemKey)) problems.push('alreadyInPlan');
      else if (seen.has(itemKey)) problems.push('duplicate');
      seen.add(itemKey);
    }
    return {
      line,
      type,
      typeText: value.type,
      title: value.title,
      ownerEmail: value.owner,
      ownerId,
      strategyTitle: type === 'strategy' ? '' : value.strategy,
      problems,
    };
  });
}

/** The rows to save, strategies first, so their KPIs and actions can name the new strategy's id. */
export function saveOrder(rows: readonly ImportRow[]): ImportRow[] {
  const valid = rows.filter((row) => row.problems.length === 0);
  return [
    ...valid.filter((row) => row.type === 'strategy'),
    ...valid.filter((row) => row.type !== 'strategy'),
  ];
}

export { norm as normaliseTitle };
