// API answers for component tests, typed by the generated OpenAPI types so that they keep the
// API's shape: a change in the API that the pages must follow breaks these first.
import type { Schemas } from '../../src/api/client';
import { users } from './render-app';

export const teamId = '10000000-0000-4000-8000-000000000001';
export const sessionId = '20000000-0000-4000-8000-000000000001';
export const heldSessionId = '20000000-0000-4000-8000-000000000002';
const stamp = '2026-11-20T10:00:00.000Z';
type Role = 'administrator' | 'process_owner' | 'member';

export const team: Schemas['Team'] = {
  id: teamId,
  name: 'Demo team',
  timeZone: 'Europe/Amsterdam',
  locale: 'en',
  sendHour: 9,
  createdAt: stamp,
  updatedAt: stamp,
};

export function me(user: { id: string; name: string }, roles: Role[], emailsPaused = false): Schemas['Me'] {
  return {
    user: {
      ...user,
      email: `${user.name.split(' ')[0]!.toLowerCase()}@example.com`,
      locale: null,
      timeZone: null,
    },
    teams: [{ id: teamId, name: team.name, roles, emailsPaused }],
  };
}

export function session(overrides: Partial<Schemas['Session']> = {}): Schemas['Session'] {
  return {
    id: sessionId,
    teamId,
    date: '2026-12-04',
    kind: 'doing',
    repeat: 'none',
    sendInvitation: true,
    sendReminder: true,
    sendEscalation: false,
    state: 'scheduled',
    previousSessionId: null,
    seriesId: null,
    occurrence: null,
    revision: 0,
    createdAt: stamp,
    updatedAt: stamp,
    ...overrides,
  };
}

export const sessionList: Schemas['SessionList'] = {
  sessions: [
    {
      ...session({ id: heldSessionId, date: '2026-10-02', state: 'held' }),
      reports: { submitted: 3, outstanding: 1 },
    },
    { ...session(), reports: { submitted: 1, outstanding: 2 } },
  ],
  nextCursor: null,
};

const item = (id: string, title: string, type: 'action' | 'strategy' | 'kpi' = 'action') => ({
  id,
  title,
  type,
});
export const items = {
  checklist: item('30000000-0000-4000-8000-000000000001', 'Write the onboarding checklist'),
  annualPlan: item('30000000-0000-4000-8000-000000000002', 'Launch the annual plan'),
};
const owner = (user: { id: string; name: string }) => ({
  userId: user.id,
  name: user.name,
  email: 'x@example.com',
});

export function status(overrides: Partial<Schemas['SessionStatus']> = {}): Schemas['SessionStatus'] {
  return {
    session: session(),
    counts: { green: 1, amber: 0, red: 0, missing: 2 },
    missing: [
      { owner: owner(users.mia), items: [items.checklist], skipped: null },
      { owner: owner(users.noah), items: [items.annualPlan], skipped: null },
    ],
    invited: [],
    reminded: [],
    deliveries: [
      {
        step: 'invitation',
        userId: users.mia.id,
        name: users.mia.name,
        sessionDate: '2026-12-04',
        state: 'sent',
        reason: null,
        at: '2026-11-27T08:00:00.000Z',
        providerStatus: null,
      },
    ],
    skippedSteps: [],
    next: {
      step: 'reminder',
      at: '2026-12-01T08:00:00.000Z',
      recipients: [{ owner: owner(users.noah), items: [items.annualPlan], skipped: null }],
    },
    ...overrides,
  };
}

export function overview(
  nextSession: Schemas['Overview']['teams'][number]['nextSession'],
): Schemas['Overview'] {
  return { teams: [{ id: teamId, name: team.name, roles: ['member'], nextSession }] };
}

export function sessionReports(
  reportOnChecklist: Schemas['ProgressReport'] | null,
): Schemas['SessionReports'] {
  return {
    session: session(),
    items: [
      { item: items.checklist, owner: owner(users.mia), report: reportOnChecklist },
      { item: items.annualPlan, owner: owner(users.noah), report: null },
    ],
  };
}

export const report: Schemas['ProgressReport'] = {
  id: '40000000-0000-4000-8000-000000000001',
  itemId: items.checklist.id,
  sessionId,
  authorId: users.mia.id,
  progress: 40,
  trafficLight: 'amber',
  explanation: 'Half the sections are drafted.',
  createdAt: '2026-11-24T15:30:00.000Z',
};

/** The routes every signed-in page calls, for a user with these roles. */
export function baseRoutes(user: { id: string; name: string }, roles: Role[]) {
  return {
    'GET /api/me': me(user, roles),
    [`GET /api/teams/${teamId}`]: team,
    // A development server: the menu links the outbox.
    'GET /api/dev/users': { users: [] },
  };
}
