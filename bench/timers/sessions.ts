// The round's teams and sessions, made as users make them: teams seeded in the database (the API has
// no route that makes people) with owners of one action each, then every session created through
// the API, and the teams' send hour changed through the API; the sessions' workflows are told by
// the team-settings workflow, and each one's next send is read back with the status query.
import { sessionWorkflowId, statusQuery, teamSettingsWorkflowId } from '@rhythm/domain';
import type { Client } from '@temporalio/client';
import { http, type Http } from '../soak/http.ts';
import { seedTeams, type SoakTeam } from '../soak/seed.ts';
import { FAR, type Slot } from './slot.ts';
import { say, settings } from './settings.ts';
import type { Stack } from './stack.ts';

export interface Round {
  api: Http;
  teams: SoakTeam[];
}

/** Teams of at most BENCH_SESSIONS_PER_TEAM sessions, whose settings keep the sessions far from due. */
export async function seedRound(stack: Stack, sessions: number): Promise<Round> {
  const teams = await seedTeams(stack.orm, Math.ceil(sessions / settings.sessionsPerTeam), settings.owners);
  const api = http(stack.apiUrl);
  for (const team of teams) await expectOk(api(team.admin, 'PATCH', `/api/teams/${team.id}`, FAR), 200);
  return { api, teams };
}

/** Creates `count` doing sessions on `date` through the API, BENCH_CREATE_CONCURRENCY at a time. */
export async function createSessions(round: Round, count: number, date: string): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const team = round.teams[Math.floor(i / settings.sessionsPerTeam)]!;
      const reply = await expectOk(
        round.api(team.admin, 'POST', `/api/teams/${team.id}/sessions`, { date, kind: 'doing' }),
        201,
      );
      team.sessions.push((reply as { id: string }).id);
      if ((i + 1) % 1000 === 0) say(`${i + 1} sessions created`);
    }
  };
  await Promise.all(Array.from({ length: settings.createConcurrency }, worker));
}

export interface SettingsChange {
  /** Milliseconds each team's PATCH took to answer. */
  answers: number[];
  /** From the first PATCH until every team-settings workflow had told its sessions. */
  handedOnMs: number;
  /** From the first PATCH until every session's status query showed the new next send. */
  movedMs: number;
}

/** Changes every team's zone and send hour to the slot's, and waits until each session shows it. */
export async function moveToSlot(round: Round, client: Client, slot: Slot): Promise<SettingsChange> {
  const started = performance.now();
  const answers: number[] = [];
  for (const team of round.teams) {
    const asked = performance.now();
    const body = { timeZone: slot.timeZone, sendHour: slot.sendHour };
    await expectOk(round.api(team.admin, 'PATCH', `/api/teams/${team.id}`, body), 200);
    answers.push(performance.now() - asked);
  }
  await Promise.all(
    round.teams.map((team) => client.workflow.getHandle(teamSettingsWorkflowId(team.id)).result()),
  );
  const handedOnMs = performance.now() - started;
  const ids = round.teams.flatMap((team) => team.sessions);
  const due = slot.dueAt.toISOString();
  let waiting = ids;
  while (waiting.length) {
    const next = await mapLimit(waiting, 50, async (id) => {
      const status = await client.workflow.getHandle(sessionWorkflowId(id)).query(statusQuery);
      return status.next?.step === 'invitation' && new Date(status.next.at).toISOString() === due ? null : id;
    });
    waiting = next.filter((id) => id !== null);
    if (waiting.length) {
      if (performance.now() - started > 10 * 60_000)
        throw new Error(`${waiting.length} sessions did not move to ${due} within 10 minutes`);
      say(`${waiting.length} sessions not moved yet`);
    }
  }
  return { answers, handedOnMs, movedMs: performance.now() - started };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

async function expectOk(reply: ReturnType<Http>, status: number): Promise<unknown> {
  const { status: got, body } = await reply;
  if (got !== status) throw new Error(`the API answered ${got}, not ${status}: ${JSON.stringify(body)}`);
  return body;
}
