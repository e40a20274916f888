// The cookies an answer sets, as a browser keeps them: name → value and attributes, so a test can
// send them back (`Cookie:`) the way the browser that got them would, and check how they are set.
import type { Response } from 'supertest';

export interface SetCookie {
  value: string;
  attributes: string[];
}

export function cookiesOf(response: Response): Record<string, SetCookie> {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  return Object.fromEntries(
    (header ?? []).map((line) => {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair!.indexOf('=');
      return [pair!.slice(0, at), { value: decodeURIComponent(pair!.slice(at + 1)), attributes }];
    }),
  );
}

/** A `Cookie:` header value with these cookies. */
export const cookieHeader = (cookies: Record<string, string>) =>
  Object.entries(cookies)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('; ');
