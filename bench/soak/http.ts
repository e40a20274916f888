// The one HTTP call the soak makes, with fetch (its keep-alive pool reuses connections, as a
// browser or a proxy in front of the API does): a caller's bearer token, a JSON body, the status.
import type { Caller } from './seed.ts';

export interface Reply {
  status: number;
  body: unknown;
}

export type Http = (
  caller: Caller | null,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Reply>;

export function http(apiUrl: string): Http {
  return async (caller, method, path, body, headers = {}) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        ...headers,
        ...(caller ? { authorization: caller.authorization } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json = text && response.headers.get('content-type')?.includes('json');
    return { status: response.status, body: json ? JSON.parse(text) : text };
  };
}
