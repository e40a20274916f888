// The soak's mix of requests, as the web app and its users make them: mostly reads (the calendar,
// a session with its workflow's view, Process status, the reports, My overview), writes that start,
// signal and end workflows (create, move, cancel) and reports written, and some requests the API
// refuses (401, 403, 404, 422). Each team keeps a pool of scheduled sessions between POOL_MIN and
// POOL_MAX, so the run creates about as many as it cancels and the open workflows stay bounded.
import { randomUUID } from 'node:crypto';
import type { Http } from './http.ts';
import type { Caller, SoakTeam } from './seed.ts';

const POOL_MIN = 10;
const POOL_MAX = 30;

export interface Outcome {
  operation: string;
  status: number;
  /** The status the operation expects (2xx, or the 4xx it provokes). */
  expected: boolean;
  /** HTTP requests it took: 2 for a create sent again under its Idempotency-Key. */
  requests: number;
}

type Operation = (team: SoakTeam, api: Http) => Promise<Outcome>;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const days = (from: number, span: number) =>
  new Date(Date.now() + (from + Math.floor(Math.random() * span)) * 86_400_000).toISOString().slice(0, 10);
/** 30 to 300 days ahead: no invitation (7 days before) falls due during the run. */
const someDate = () => days(30, 270);
const outcome = (operation: string, status: number, ...wanted: number[]): Outcome => ({
  operation,
  status,
  expected: wanted.includes(status),
  requests: 1,
});
const teamPath = (team: SoakTeam) => `/api/teams/${team.id}`;
const anySession = (team: SoakTeam) => `${teamPath(team)}/sessions/${pick(team.sessions)}`;

/** A GET that should answer 200, by `who`, of `path`. */
const read =
  (name: string, who: (team: SoakTeam) => Caller, path: (team: SoakTeam) => string): Operation =>
  async (team, api) =>
    outcome(name, (await api(who(team), 'GET', path(team))).status, 200);

async function createSession(team: SoakTeam, api: Http): Promise<Outcome> {
  if (team.sessions.length >= POOL_MAX) return cancelSession(team, api);
  // One create in four carries an Idempotency-Key, and one of those is sent twice (a client retry).
  const key = Math.random() < 0.25 ? randomUUID() : undefined;
  const body = { date: someDate(), kind: pick(['doing', 'steering']) };
  const send = () =>
    api(team.admin, 'POST', `${teamPath(team)}/sessions`, body, key ? { 'Idempotency-Key': key } : {});
  const created = await send();
  if (created.status === 201) team.sessions.push((created.body as { id: string }).id);
  const again = key && Math.random() < 0.25 ? await send() : null;
  const result = outcome('create', created.status, 201);
  return again ? { ...result, expected: result.expected && again.status === 201, requests: 2 } : result;
}

async function cancelSession(team: SoakTeam, api: Http): Promise<Outcome> {
  if (team.sessions.length <= POOL_MIN) return createSession(team, api);
  // Out of the pool first, so that no other request picks a session about to be cancelled.
  const [sessionId] = team.sessions.splice(Math.floor(Math.random() * team.sessions.length), 1);
  const { status } = await api(team.admin, 'DELETE', `${teamPath(team)}/sessions/${sessionId}?reason=soak`);
  return outcome('cancel', status, 200);
}

async function moveSession(team: SoakTeam, api: Http): Promise<Outcome> {
  const { status } = await api(team.admin, 'PATCH', anySession(team), { date: someDate() });
  return outcome('move', status, 200, 409); // 409: cancelled meanwhile by a concurrent request.
}

async function writeReport(team: SoakTeam, api: Http): Promise<Outcome> {
  const owner = pick(team.owners);
  const { status } = await api(owner, 'PUT', `${anySession(team)}/items/${owner.itemId}/report`, {
    progress: Math.floor(Math.random() * 101),
    trafficLight: pick(['green', 'amber', 'red']),
    explanation: `Soak report ${randomUUID()}`,
  });
  return outcome('report', status, 200, 409);
}

/** One of the refusals, each answered with a problem+json and leaving nothing behind. */
async function refused(team: SoakTeam, api: Http): Promise<Outcome> {
  const unknown = randomUUID();
  const stranger = { userId: '', authorization: 'Bearer not.a.token' };
  const cases: [string, () => ReturnType<Http>, number][] = [
    ['401 bad token', () => api(stranger, 'GET', `${teamPath(team)}/sessions`), 401],
    [
      '403 member creates',
      () => api(team.member, 'POST', `${teamPath(team)}/sessions`, { date: someDate(), kind: 'doing' }),
      403,
    ],
    ['404 unknown session', () => api(team.member, 'GET', `${teamPath(team)}/sessions/${unknown}`), 404],
    ['404 unknown team', () => api(team.member, 'GET', `/api/teams/${unknown}/sessions`), 404],
    ['404 unknown route', () => api(team.member, 'GET', `${teamPath(team)}/nothing/${unknown}`), 404],
    [
      '422 bad date',
      () => api(team.admin, 'POST', `${teamPath(team)}/sessions`, { date: '2020-13-45', kind: 'doing' }),
      422,
    ],
  ];
  const [name, send, wanted] = pick(cases);
  return outcome(name, (await send()).status, wanted);
}

// Weights out of 100. The calendar asks for the coming months, as Process status shows them.
const anyone = (team: SoakTeam) => pick([team.admin, team.member, ...team.owners]);
const mix: [weight: number, name: string, Operation][] = [
  [14, 'list', read('list', anyone, (team) => `${teamPath(team)}/sessions?from=${days(0, 1)}`)],
  [12, 'detail', read('detail', (team) => team.member, anySession)],
  [
    10,
    'status',
    read(
      'status',
      (team) => team.admin,
      (team) => `${anySession(team)}/status`,
    ),
  ],
  [
    10,
    'reports',
    read(
      'reports',
      (team) => team.member,
      (team) => `${anySession(team)}/reports`,
    ),
  ],
  [
    10,
    'overview',
    read(
      'overview',
      (team) => pick(team.owners),
      () => '/api/me/overview',
    ),
  ],
  [4, 'me', read('me', anyone, () => '/api/me')],
  [4, 'team', read('team', anyone, teamPath)],
  [
    3,
    'calendar',
    read(
      'calendar',
      (team) => team.member,
      (team) => `${anySession(team)}/calendar.ics`,
    ),
  ],
  [5, 'create', createSession],
  [5, 'move', moveSession],
  [5, 'cancel', cancelSession],
  [6, 'report', writeReport],
  [12, '4xx', refused],
];
// SOAK_ONLY=detail,status narrows the mix to those operations: to find which one makes memory grow.
const only = process.env.SOAK_ONLY?.split(',');
const chosen = mix.filter(([, name]) => !only || only.includes(name));
if (chosen.length === 0) throw new Error(`SOAK_ONLY names no operation of the mix: ${process.env.SOAK_ONLY}`);
const total = chosen.reduce((sum, [weight]) => sum + weight, 0);

/** One request of the mix (two for a retried create), on a random team. */
export function nextRequest(teams: SoakTeam[], api: Http): Promise<Outcome> {
  const team = pick(teams);
  if (team.sessions.length < POOL_MIN) return createSession(team, api);
  let roll = Math.random() * total;
  for (const [weight, , operation] of chosen) {
    roll -= weight;
    if (roll < 0) return operation(team, api);
  }
  return chosen[0]![2](team, api);
}
