// Saving an import: the API has no bulk route, so one request per item, strategies first. Each
// outcome is kept per row so the page can say how many were saved and which failed and why. A
// KPI or action whose new strategy failed is not sent: it would land under no strategy.
import { normaliseTitle, saveOrder, type ImportRow, type ImportType } from './plan-import';

export interface NewItem {
  title: string;
  ownerId?: string;
  strategyId?: string;
}

export type RowOutcome =
  | { line: number; title: string; saved: true }
  | { line: number; title: string; saved: false; error: unknown };

/** The error of a row not sent because its strategy could not be saved. */
export class StrategyNotSaved extends Error {
  constructor(readonly strategyTitle: string) {
    super(`The strategy “${strategyTitle}” was not saved`);
  }
}

export async function saveImport(
  rows: readonly ImportRow[],
  existingStrategies: readonly { id: string; title: string }[],
  create: (type: ImportType, item: NewItem) => Promise<{ id: string }>,
  onOutcome: (outcome: RowOutcome) => void = () => undefined,
): Promise<RowOutcome[]> {
  const strategyIds = new Map(
    existingStrategies.map((strategy) => [normaliseTitle(strategy.title), strategy.id]),
  );
  const outcomes: RowOutcome[] = [];
  const record = (outcome: RowOutcome) => {
    outcomes.push(outcome);
    onOutcome(outcome);
  };
  // One at a time: the API's rate limit counts writes, and the order keeps strategies first.
  for (const row of saveOrder(rows)) {
    const type = row.type!;
    const base = { line: row.line, title: row.title };
    let strategyId: string | undefined;
    if (type !== 'strategy') {
      strategyId = strategyIds.get(normaliseTitle(row.strategyTitle));
      if (!strategyId) {
        record({ ...base, saved: false, error: new StrategyNotSaved(row.strategyTitle) });
        continue;
      }
    }
    try {
      const item = await create(type, {
        title: row.title,
        ...(row.ownerId ? { ownerId: row.ownerId } : {}),
        ...(strategyId ? { strategyId } : {}),
      });
      if (type === 'strategy') strategyIds.set(normaliseTitle(row.title), item.id);
      record({ ...base, saved: true });
    } catch (error) {
      record({ ...base, saved: false, error });
    }
  }
  return outcomes;
}
