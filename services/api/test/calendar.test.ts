// GET .../sessions/{sessionId}/calendar.ics: an RFC 5545 event whose UID stays put while the
// session moves (SEQUENCE grows) and is cancelled.
import { addDays } from '@rhythm/domain';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});
const as = (actor: keyof World['users']) => `Bearer ${world.tokens[actor]}`;
const sessionPath = (id: string) => `/api/teams/${world.team.id}/sessions/${id}`;
const calendar = (id: string) =>
  testApp()
    .http.get(`${sessionPath(id)}/calendar.ics`)
    .set('Authorization', as('member'));
const compact = (date: string) => date.replaceAll('-', '');
/** The calendar's lines, unfolded (RFC 5545 folds long lines with CRLF + space). */
const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('GET /api/teams/{teamId}/sessions/{sessionId}/calendar.ics', () => {
  it('is one all-day event with a stable UID; a move raises SEQUENCE, a cancellation makes it METHOD:CANCEL', async () => {
    const session = await world.create.session({ daysAhead: 20 });
    const first = await calendar(session.id);
    expect(first.status).toBe(200);
    expect(first.type).toBe('text/calendar');
    expect(first.headers['content-disposition']).toBe(
      `attachment; filename="rhythm-session-${session.id}.ics"`,
    );
    expect(lines(first.text)).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'METHOD:PUBLISH',
        `UID:session-${session.id}@rhythm`,
        'SEQUENCE:0',
        `DTSTART;VALUE=DATE:${compact(session.date)}`,
        `DTEND;VALUE=DATE:${compact(addDays(session.date, 1))}`,
        `SUMMARY:Doing session (action review): ${world.team.name}`,
        'STATUS:CONFIRMED',
      ]),
    );

    const moved = addDays(session.date, 2);
    await testApp()
      .http.patch(sessionPath(session.id))
      .set('Authorization', as('administrator'))
      .send({ date: moved });
    const second = lines((await calendar(session.id)).text);
    expect(second).toEqual(
      expect.arrayContaining([
        `UID:session-${session.id}@rhythm`,
        'SEQUENCE:1',
        `DTSTART;VALUE=DATE:${compact(moved)}`,
      ]),
    );

    await testApp().http.delete(sessionPath(session.id)).set('Authorization', as('administrator'));
    const third = lines((await calendar(session.id)).text);
    expect(third).toEqual(
      expect.arrayContaining([
        'METHOD:CANCEL',
        `UID:session-${session.id}@rhythm`,
        'SEQUENCE:2',
        'STATUS:CANCELLED',
      ]),
    );
  });

  it('is 404 problem+json for an unknown session', async () => {
    const response = await calendar('01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c');
    expect(response.status).toBe(404);
    expect(response.type).toBe('application/problem+json');
  });
});
