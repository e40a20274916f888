// Repeating series through the API: a repeating session is occurrence 0 of a series whose next
// occurrence exists at once (with its workflow); one occurrence can be cancelled alone; the repeat
// can be changed or stopped; the whole series can be cancelled. Dates are computed from today.
import { addDays, addMonths, todayIn } from '@rhythm/domain';
import { signalsOf, startInput, workflowState } from './support/session-harness.js';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});
afterEach(() => testApp().assertConformance());
const organiser = () => `Bearer ${world.tokens.processOwner}`;
const today = () => todayIn(world.team.timeZone, new Date());
const seriesPath = (id: string) => `/api/teams/${world.team.id}/series/${id}`;

async function createRepeating(date: string, repeat: string) {
  const response = await testApp()
    .http.post(`/api/teams/${world.team.id}/sessions`)
    .set('Authorization', organiser())
    .send({ date, kind: 'doing', repeat });
  expect(response.status).toBe(201);
  return response.body as { id: string; seriesId: string; occurrence: number; repeat: string };
}
const getSeries = async (id: string) =>
  (await testApp().http.get(seriesPath(id)).set('Authorization', `Bearer ${world.tokens.member}`)).body;

it('makes occurrence 0 and the next one at once, each with its workflow, and shows what the pattern gives after', async () => {
  const first = addDays(today(), 10);
  const created = await createRepeating(first, 'weekly');
  expect(created).toMatchObject({ occurrence: 0, repeat: 'weekly', seriesId: expect.any(String) });

  const series = await getSeries(created.seriesId);
  expect(series).toMatchObject({ kind: 'doing', repeat: 'weekly', state: 'active' });
  expect(series.occurrences.map((o: { date: string; state: string }) => `${o.date}:${o.state}`)).toEqual([
    `${first}:scheduled`,
    `${addDays(first, 7)}:scheduled`,
  ]);
  expect(series.upcoming).toEqual([14, 21, 28, 35].map((days) => addDays(first, days)));
  const second = series.occurrences[1].sessionId as string;
  expect(await workflowState(testApp().temporal, second)).toBe('RUNNING');
  // The keeper makes the next occurrences, not the workflow when this one is held.
  expect(await startInput(testApp().temporal, second)).toMatchObject({
    date: addDays(first, 7),
    repeat: 'none',
  });
});

it('keeps a monthly series on its day through short months', async () => {
  // The next 31st at least two days ahead.
  let first = addDays(today(), 2);
  while (!first.endsWith('-31')) first = addDays(first, 1);
  const created = await createRepeating(first, 'monthly');
  const series = await getSeries(created.seriesId);
  const dates = [...series.occurrences.map((o: { date: string }) => o.date), ...series.upcoming];
  expect(dates).toEqual([0, 1, 2, 3, 4, 5].map((n) => addMonths(first, n)));
  expect(dates.filter((date) => date.endsWith('-31')).length).toBeGreaterThanOrEqual(3);
});

it('cancels one occurrence alone; changing the repeat moves the one after next; stopping makes no more', async () => {
  const first = addDays(today(), 10);
  const created = await createRepeating(first, 'weekly');
  let series = await getSeries(created.seriesId);
  const [, second] = series.occurrences.map((o: { sessionId: string }) => o.sessionId);

  // Cancel the first occurrence alone: the series goes on.
  const cancelled = await testApp()
    .http.delete(`/api/teams/${world.team.id}/sessions/${created.id}`)
    .set('Authorization', organiser());
  expect(cancelled.status).toBe(200);
  series = await getSeries(created.seriesId);
  expect(series.state).toBe('active');
  expect(series.occurrences.map((o: { state: string }) => o.state)).toEqual(['cancelled', 'scheduled']);

  // Every two weeks from the next occurrence (the cancelled first one, still ahead): the second moves.
  const changed = await testApp()
    .http.patch(seriesPath(created.seriesId))
    .set('Authorization', organiser())
    .send({ repeat: 'every_two_weeks' });
  expect(changed.status).toBe(200);
  expect(changed.body.repeat).toBe('every_two_weeks');
  expect(changed.body.occurrences.map((o: { date: string }) => o.date)).toEqual([first, addDays(first, 14)]);
  expect(changed.body.upcoming[0]).toBe(addDays(first, 28));
  expect(await signalsOf(testApp().temporal, second)).toEqual([
    { name: 'reschedule', payload: { date: addDays(first, 14) } },
  ]);

  const stopped = await testApp()
    .http.patch(seriesPath(created.seriesId))
    .set('Authorization', organiser())
    .send({ repeat: 'none' });
  expect(stopped.body).toMatchObject({ state: 'stopped', repeat: 'none', upcoming: [] });
  expect(stopped.body.occurrences).toHaveLength(2);
});

it('cancels every occurrence ahead when the series is cancelled, and then refuses changes', async () => {
  const created = await createRepeating(addDays(today(), 10), 'weekly');
  const response = await testApp()
    .http.delete(`${seriesPath(created.seriesId)}?reason=${encodeURIComponent('Team disbanded')}`)
    .set('Authorization', organiser());
  expect(response.status).toBe(200);
  expect(response.body.state).toBe('cancelled');
  expect(response.body.occurrences.map((o: { state: string }) => o.state)).toEqual([
    'cancelled',
    'cancelled',
  ]);
  for (const { sessionId } of response.body.occurrences)
    expect(await signalsOf(testApp().temporal, sessionId)).toEqual([
      { name: 'cancel', payload: { reason: 'Team disbanded' } },
    ]);

  const again = await testApp()
    .http.patch(seriesPath(created.seriesId))
    .set('Authorization', organiser())
    .send({ repeat: 'weekly' });
  expect(again.status).toBe(409);
  expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
});

it('is 404 for an unknown series and 422 for an unknown repeat', async () => {
  const missing = await testApp()
    .http.get(seriesPath('00000000-0000-4000-8000-000000000000'))
    .set('Authorization', organiser());
  expect(missing.status).toBe(404);
  const created = await createRepeating(addDays(today(), 10), 'weekly');
  const bad = await testApp()
    .http.patch(seriesPath(created.seriesId))
    .set('Authorization', organiser())
    .send({ repeat: 'daily' });
  expect(bad.status).toBe(422);
  expect(bad.body.errors[0].field).toBe('body.repeat');
});
