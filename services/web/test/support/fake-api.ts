// A stand-in for the API at the fetch boundary: component tests run in jsdom without a server, so
// each test says what the API answers (`'GET /api/me': body`, or a function for status codes and
// request checks). The end-to-end tests in tests/e2e run the same pages against the real API.
export interface Answer {
  status?: number;
  body?: unknown;
  /** A body that is not JSON, sent as it is with this content type. */
  raw?: { contentType: string; text: string };
}
export type Handler = (request: Request, body: unknown) => Answer | Promise<Answer>;
export type Routes = Record<string, unknown | Handler>;

export interface FakeApi {
  fetch: typeof fetch;
  /** Every request made, as `METHOD /path?query` with its parsed JSON body. */
  calls: { route: string; body: unknown; headers: Headers }[];
}

export function fakeApi(routes: Routes): FakeApi {
  const calls: FakeApi['calls'] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const body = text ? JSON.parse(text) : undefined;
    const route = `${request.method} ${url.pathname}${url.search}`;
    calls.push({ route, body, headers: request.headers });
    // Answer in a later task, as a server would: a page that races its own requests shows it here.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const match = routes[route] ?? routes[`${request.method} ${url.pathname}`];
    if (match === undefined) return json(404, { type: 'about:blank', title: 'Not Found', status: 404 });
    const answer = typeof match === 'function' ? await (match as Handler)(request, body) : { body: match };
    if (answer.raw)
      return new Response(answer.raw.text, {
        status: answer.status ?? 200,
        headers: { 'content-type': answer.raw.contentType },
      });
    return json(answer.status ?? 200, answer.body);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

function json(status: number, body: unknown): Response {
  const problem = status >= 400;
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': problem ? 'application/problem+json' : 'application/json' },
  });
}

export const problem = (
  status: number,
  title: string,
  errors?: { field: string; message: string }[],
): Answer => ({
  status,
  body: { type: 'about:blank', title, status, ...(errors ? { errors } : {}) },
});
