// Setting up state through the HTTP API as a seeded user, signed in with the development token
// endpoint (the API runs with NODE_ENV=development in these tests).

export interface ApiSession {
  readonly token: string;
  /** A JSON request with the user's bearer token; rejects on any status other than 2xx. */
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function signIn(apiUrl: string, email: string): Promise<ApiSession> {
  const { token } = await call<{ token: string }>(apiUrl, 'POST', '/api/dev/token', { email });
  return {
    token,
    request: (method, path, body) => call(apiUrl, method, path, body, token),
  };
}

async function call<T>(apiUrl: string, method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(new URL(path, apiUrl), {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
