// The typed API client: openapi-fetch over the types generated from the API's OpenAPI document
// (schema.d.ts; `npm run generate:api -w @rhythm/web`), so the app calls only documented routes
// with documented bodies, and the compiler says when the API changes under it.
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, problemFrom, unreachable } from './problem';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type ApiClient = ReturnType<typeof createClient<paths>>;

export interface ApiOptions {
  /** '' in the browser: the app and the API share an origin (the API serves the app). */
  baseUrl: string;
  token: () => string | null;
  /** Called on a 401: the token expired or was revoked. */
  onUnauthorized: () => void;
  fetch?: typeof fetch;
}

export function createApi(options: ApiOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = options.token();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) options.onUnauthorized();
      return response;
    },
  };
  client.use(auth);
  return client;
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The body of a successful answer, or an ApiError carrying the problem details. */
export async function ok<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    throw error instanceof ApiError ? error : unreachable(error);
  }
  if (result.response.ok) return result.data as T;
  throw problemFrom(result.response.status, result.error);
}
