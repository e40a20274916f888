// The emails the stack's notifier kept (no RESEND_API_KEY: the outbox table), read from the
// database as a person reads their mailbox: the newest to an address, and a link in it.
import pg from 'pg';
import { eventually } from './ui.js';
import type { Stack } from './stack.js';

export interface KeptEmail {
  to: string;
  subject: string;
  text: string;
}

/** The emails to `address` so far, oldest first; waits until there are at least `count`. */
export async function emailsTo(stack: Stack, address: string, count = 1): Promise<KeptEmail[]> {
  return eventually(
    async () => {
      const client = new pg.Client({ connectionString: stack.database.url });
      await client.connect();
      try {
        const { rows } = await client.query<KeptEmail>(
          'select "to", subject, text from outbox_email where lower("to") = lower($1) order by created_at, id',
          [address],
        );
        if (rows.length < count) throw new Error(`${rows.length} of ${count} emails to ${address} so far`);
        return rows;
      } finally {
        await client.end();
      }
    },
    { timeout: 60_000, interval: 500 },
  );
}

/** The first link in the email's text whose path starts with `path` (or matches it), as a path of the stack. */
export function linkIn(email: KeptEmail, path: string | RegExp): string {
  const fits = (url: string) => {
    const { pathname } = new URL(url);
    return typeof path === 'string' ? pathname.startsWith(path) : path.test(pathname);
  };
  const found = email.text.match(/https?:\/\/[^\s<>)"\]]+/g)?.find(fits);
  if (!found) throw new Error(`no ${String(path)} link in "${email.subject}":\n${email.text}`);
  const url = new URL(found);
  return `${url.pathname}${url.search}`;
}

/** The link matching `path` in the newest email to `address` that has one; waits for that email. */
export async function linkTo(stack: Stack, address: string, path: string | RegExp): Promise<string> {
  return eventually(
    async () => {
      const emails = await emailsTo(stack, address);
      for (const email of emails.reverse()) {
        try {
          return linkIn(email, path);
        } catch {
          // Not this one: an older email, or another kind.
        }
      }
      throw new Error(`no email to ${address} has a ${String(path)} link yet`);
    },
    { timeout: 60_000, interval: 500 },
  );
}
