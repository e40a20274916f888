// The import's pure part: reading pasted spreadsheet rows or CSV, checking each row, and saving the
// ready ones strategies first, one request each, reporting every row's outcome.
import { saveImport, StrategyNotSaved } from '../src/plan/import-save';
import { readImport, type ImportContext } from '../src/plan/plan-import';

const context: ImportContext = {
  members: [
    { userId: 'u-ada', email: 'Ada@Example.com' },
    { userId: 'u-mia', email: 'mia@example.com' },
    { userId: 'u-none', email: null },
  ],
  existing: [
    { type: 'strategy', title: 'Grow the community', strategyTitle: '' },
    { type: 'kpi', title: 'Monthly active members', strategyTitle: 'Grow the community' },
  ],
};

test('tab-separated rows pasted from a spreadsheet, with a header in any order', () => {
  const text = [
    'Title\tType\tOwner email\tParent strategy',
    'Lower costs\tStrategy\tada@example.com\t',
    'Cost per session\tKPI\tmia@example.com\tLower costs',
    'Renegotiate the venue\tactie\t\tlower  costs',
  ].join('\n');
  const rows = readImport(text, context);
  expect(
    rows.map((row) => [row.line, row.type, row.title, row.ownerId, row.strategyTitle, row.problems]),
  ).toEqual([
    [2, 'strategy', 'Lower costs', 'u-ada', '', []],
    [3, 'kpi', 'Cost per session', 'u-mia', 'Lower costs', []],
    // No owner: the importer owns it; a strategy title matches whatever its spaces and capitals.
    [4, 'action', 'Renegotiate the venue', null, 'lower costs', []],
  ]);
});

test('CSV without a header, with quotes, commas and a line break inside a cell, and a BOM', () => {
  const text =
    '\uFEFFstrategy,"Serve members, better",ada@example.com\n' +
    'action,"Write the\nFAQ",mia@example.com,"Serve members, better"\n\n' +
    'kpi,Answer time,mia@example.com,Serve members  better';
  const rows = readImport(text, context);
  expect(rows.map((row) => [row.line, row.title, row.problems])).toEqual([
    [1, 'Serve members, better', []],
    [2, 'Write the FAQ', []],
    // Lines count the text's own lines (the quoted line break too, and the empty line skipped).
    [5, 'Answer time', ['unknownStrategy']],
  ]);
});

test('every row is checked: type, title, owner, strategy, duplicates within the rows and in the plan', () => {
  const text = [
    'goal,Something,ada@example.com',
    'action,,ada@example.com,Grow the community',
    'action,Call members,ivy@example.com,Grow the community',
    'kpi,Churn,mia@example.com,',
    'action,Call members,mia@example.com,Grow the community',
    'kpi,monthly ACTIVE members,mia@example.com,Grow the community',
    'strategy,Grow the community,ada@example.com',
    'action,Visit,mia@example.com,No such strategy',
  ].join('\n');
  expect(readImport(text, context).map((row) => row.problems)).toEqual([
    ['unknownType'],
    ['emptyTitle'],
    ['unknownOwner'],
    ['missingStrategy'],
    ['duplicate'],
    ['alreadyInPlan'],
    ['alreadyInPlan'],
    ['unknownStrategy'],
  ]);
});

test('nothing but blank lines is no rows', () => {
  expect(readImport('\n \n\t\n', context)).toEqual([]);
});

test('saving: strategies first, children under the new strategy’s id, a failed strategy’s children not sent', async () => {
  const text = [
    'action,Call members,mia@example.com,New one',
    'strategy,New one,ada@example.com',
    'kpi,Visits,mia@example.com,Refused one',
    'strategy,Refused one,ada@example.com',
    'kpi,Retention,,Grow the community',
    'kpi,,,Grow the community',
  ].join('\n');
  const sent: unknown[] = [];
  const outcomes = await saveImport(
    readImport(text, context),
    [{ id: 's-grow', title: 'Grow the community' }],
    async (type, item) => {
      sent.push({ type, ...item });
      if (item.title === 'Refused one') throw new Error('422');
      return { id: `id-${item.title}` };
    },
  );
  expect(sent).toEqual([
    { type: 'strategy', title: 'New one', ownerId: 'u-ada' },
    { type: 'strategy', title: 'Refused one', ownerId: 'u-ada' },
    { type: 'action', title: 'Call members', ownerId: 'u-mia', strategyId: 'id-New one' },
    { type: 'kpi', title: 'Retention', strategyId: 's-grow' },
  ]);
  expect(outcomes.map((outcome) => [outcome.line, outcome.saved])).toEqual([
    [2, true],
    [4, false],
    [1, true],
    [3, false],
    [5, true],
  ]);
  const orphan = outcomes.find((outcome) => outcome.line === 3);
  expect(orphan && !orphan.saved && orphan.error).toBeInstanceOf(StrategyNotSaved);
});
