// Development only: the notifier's local outbox (the emails it stores instead of sending when no
// RESEND_API_KEY is set), newest first, a page at a time. Mounted only when NODE_ENV=development;
// otherwise the route does not exist (404), in the document as in the router.
import { OutboxEmail } from '@rhythm/persistence';
import { z } from 'zod';
import type { ApiConfig } from '../config.js';
import { Id, Instant } from '../http/common.schemas.js';
import { defineRoute, type Route } from '../http/route.js';

const OutboxQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1).meta({ description: 'From 1.' }),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  to: z.string().trim().toLowerCase().optional().meta({ description: 'Only the emails to this address.' }),
});

const OutboxPageSchema = z
  .object({
    emails: z.array(
      z.object({
        id: Id,
        to: z.string(),
        subject: z.string(),
        html: z.string(),
        text: z.string(),
        idempotencyKey: z.string(),
        createdAt: Instant,
      }),
    ),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().meta({ description: 'Emails in the outbox (with `to`: to that address).' }),
  })
  .meta({ id: 'OutboxPage' });

export function devOutboxRoutes(config: ApiConfig): Route[] {
  if (config.NODE_ENV !== 'development') return [];
  return [
    defineRoute({
      method: 'get',
      path: '/api/dev/outbox',
      operationId: 'listDevOutbox',
      summary: 'Development only: the emails the notifier stored in its local outbox, newest first',
      tags: ['development'],
      request: { query: OutboxQuery },
      responses: { 200: OutboxPageSchema },
      handler: async ({ query, em }) => {
        const { page, pageSize, to } = query;
        const [rows, total] = await em.findAndCount(OutboxEmail, to ? { to } : {}, {
          orderBy: { createdAt: 'desc', id: 'desc' },
          limit: pageSize,
          offset: (page - 1) * pageSize,
        });
        const emails = rows.map(({ id, to, subject, html, text, idempotencyKey, createdAt }) => ({
          id,
          to,
          subject,
          html,
          text,
          idempotencyKey,
          createdAt: createdAt.toISOString(),
        }));
        return { status: 200, body: { emails, page, pageSize, total } };
      },
    }),
  ];
}
