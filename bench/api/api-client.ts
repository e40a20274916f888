// The few calls the benchmark makes to a running Rhythm API, with fetch: readiness, the development
// sign-in, a team of its own, sessions.
export interface Api {
  url: string;
  authorization: string;
  json<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export async function connectApi(url: string, email: string): Promise<Api> {
  const ready = await fetch(`${url}/readyz`).catch(() => null);
  if (!ready?.ok)
    throw new Error(`no ready Rhythm API at ${url} (start the stack with ./rhythm start, or set API_URL)`);
  const signIn = await fetch(`${url}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (signIn.status === 404)
    throw new Error(
      'POST /api/dev/token is 404: the API must run with NODE_ENV=development (./rhythm start does)',
    );
  if (!signIn.ok) throw new Error(`signing in as ${email} failed: ${signIn.status} ${await signIn.text()}`);
  const { token } = (await signIn.json()) as { token: string };
  const authorization = `Bearer ${token}`;
  return {
    url,
    authorization,
    async json<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}

export interface SessionRow {
  id: string;
  date: string;
  state: string;
}

export interface SessionDetail {
  session: SessionRow;
  workflow: { available: true; status: { sessionDate: string } } | { available: false; reason: string };
}

/** A team of the benchmark's own (the caller becomes its administrator), or BENCH_TEAM_ID's. */
export async function benchTeam(api: Api, teamId: string | undefined): Promise<string> {
  if (teamId) return teamId;
  const { status, body } = await api.json<{ id: string }>('POST', '/api/teams', {
    name: `Bench ${new Date().toISOString()}`,
  });
  if (status !== 201)
    throw new Error(`creating the benchmark's team failed: ${status} ${JSON.stringify(body)}`);
  return body.id;
}

export async function createSession(api: Api, teamId: string, date: string): Promise<SessionRow> {
  const { status, body } = await api.json<SessionRow>('POST', `/api/teams/${teamId}/sessions`, {
    date,
    kind: 'doing',
  });
  if (status !== 201) throw new Error(`POST session: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** Cancels every scheduled session of the team, `concurrency` at a time. */
export async function cancelAll(api: Api, teamId: string, concurrency: number): Promise<number> {
  // The list comes a page at a time, and a run schedules more sessions than the largest page.
  const sessions: SessionRow[] = [];
  let cursor: string | null = null;
  do {
    const { body }: { body: { sessions: SessionRow[]; nextCursor: string | null } } = await api.json(
      'GET',
      `/api/teams/${teamId}/sessions?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
    );
    sessions.push(...body.sessions);
    cursor = body.nextCursor;
  } while (cursor);
  const scheduled = sessions.filter((session) => session.state === 'scheduled');
  await inParallel(scheduled.length, concurrency, async (i) => {
    await api.json('DELETE', `/api/teams/${teamId}/sessions/${scheduled[i]!.id}`);
  });
  return scheduled.length;
}

/** Runs work(0 … count-1) with at most `concurrency` calls in flight. */
export async function inParallel(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}
