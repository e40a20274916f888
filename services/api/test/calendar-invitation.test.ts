// The calendar invitation behind the signed link in each email: parsed with ical.js (Mozilla's
// iCalendar library), as a calendar app would read it. REQUEST with the process owner as organizer
// and the owner as attendee; after a move the same UID with a higher SEQUENCE; after a cancel, CANCEL.
import { calendarUrl } from '@rhythm/platform';
import ICAL from 'ical.js';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const secret = 'a-test-secret-for-calendar-links-0123456';
const testApp = useTestApp({ env: { EMAIL_LINK_SECRET: secret } });
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});

async function invitation(sessionId: string, userId: string, key = secret) {
  const url = new URL(calendarUrl('http://rhythm.example', key, sessionId, userId));
  return testApp()
    .http.get(`${url.pathname}${url.search}`)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text));
    });
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    start: String(event.getFirstPropertyValue('dtstart')),
    // The mailto: scheme is case-insensitive (RFC 3986); compare it in lower case.
    organizer: String(event.getFirstPropertyValue('organizer')).replace(/^mailto:/i, 'mailto:'),
    attendee: String(event.getFirstPropertyValue('attendee')).replace(/^mailto:/i, 'mailto:'),
  };
}

it('is a REQUEST for the owner, then the same UID with a higher SEQUENCE after a move, then a CANCEL', async () => {
  const session = await world.create.session({ daysAhead: 14 });
  const owner = world.users.itemOwner;
  const first = await invitation(session.id, owner.id);
  expect(first.status).toBe(200);
  expect(first.headers['content-type']).toMatch(/^text\/calendar/);
  const request = parse(first.body as string);
  expect(request).toMatchObject({
    method: 'REQUEST',
    uid: `session-${session.id}@rhythm`,
    sequence: 0,
    start: session.date,
    organizer: `mailto:${world.users.processOwner.email}`,
    attendee: `mailto:${owner.email}`,
  });

  const later = new Date(`${session.date}T12:00:00Z`);
  later.setUTCDate(later.getUTCDate() + 2);
  await testApp().sessions.rescheduleSession(world.team.id, session.id, later.toISOString().slice(0, 10));
  const moved = parse((await invitation(session.id, owner.id)).body as string);
  expect(moved).toMatchObject({
    method: 'REQUEST',
    uid: request.uid,
    sequence: 1,
    start: later.toISOString().slice(0, 10),
  });

  await testApp().sessions.cancelSession(world.team.id, session.id);
  const cancelled = parse((await invitation(session.id, owner.id)).body as string);
  expect(cancelled).toMatchObject({ method: 'CANCEL', uid: request.uid, sequence: 2 });
});

it('refuses a forged link with 400, and is 404 for someone outside the session’s team', async () => {
  const session = await world.create.session();
  const forged = await invitation(
    session.id,
    world.users.itemOwner.id,
    'another-secret-for-calendar-links-987654',
  );
  expect(forged.status).toBe(400);
  const outsider = await invitation(session.id, world.users.outsider.id);
  expect(outsider.status).toBe(404);
});
