// POST /api/webhooks/resend: Resend's email events (delivered, delayed, bounced, complained,
// failed). The signature is over the raw body, so the route takes its body as text (`rawBody`) and
// verifies it before anything parses it, with Resend's own SDK (webhooks.verify: the Standard
// Webhooks / Svix scheme, an HMAC over id, timestamp and body, timestamps older than five minutes
// refused). A forged, altered or stale event is 400 and changes nothing; a verified one is applied
// once (email-events.ts) and answered 200, also when it was seen before, so Resend stops retrying.
// Without RESEND_WEBHOOK_SECRET it answers 503: nothing unsigned is trusted.
import { Resend } from 'resend';
import { z } from 'zod';
import { UnavailableError } from '../errors.js';
import { clientError } from '../http/client-error.js';
import { defineRoute } from '../http/route.js';
import { EmailEvent, applyEmailEvent } from './email-events.js';

// verify() uses only the webhook secret; the SDK insists on an API key that it never sends here.
const webhooks = new Resend('re_webhook_verification_only').webhooks;

const SvixHeaders = z.object({
  'svix-id': z.string().optional(),
  'svix-timestamp': z.string().optional(),
  'svix-signature': z.string().optional(),
});

export const resendWebhook = defineRoute({
  method: 'post',
  path: '/api/webhooks/resend',
  operationId: 'resendWebhook',
  summary: 'Resend’s email events, signed (Svix): what became of each email',
  description:
    'Updates the Delivery of the email named by `data.email_id` (status only moves forward) and stops emails to an address ' +
    'that bounced for good or complained. Each `svix-id` is applied once; a repeat answers 200 `duplicate`.',
  tags: ['webhooks'],
  public: true,
  rawBody: true,
  request: { headers: SvixHeaders, body: EmailEvent },
  responses: {
    200: z.object({ outcome: z.enum(['applied', 'duplicate', 'ignored']) }).meta({ id: 'WebhookOutcome' }),
  },
  problems: [400, 503],
  handler: async ({ headers, req, deps }) => {
    const secret = deps.config.RESEND_WEBHOOK_SECRET;
    if (!secret) throw new UnavailableError('Webhooks are not configured: RESEND_WEBHOOK_SECRET is not set.');
    let verified: unknown;
    try {
      verified = webhooks.verify({
        payload: typeof req.body === 'string' ? req.body : '',
        headers: {
          id: headers['svix-id'] ?? '',
          timestamp: headers['svix-timestamp'] ?? '',
          signature: headers['svix-signature'] ?? '',
        },
        webhookSecret: secret,
      });
    } catch (error) {
      throw clientError(
        400,
        `The webhook's signature does not verify (${error instanceof Error ? error.message : 'invalid'}): nothing was changed.`,
      );
    }
    // Signed by Resend, and still read only as far as it has the shape Rhythm expects.
    const event = EmailEvent.safeParse(verified);
    if (!event.success)
      throw clientError(400, 'The webhook is signed but not an email event Rhythm can read.');
    const outcome = await applyEmailEvent(deps.orm, headers['svix-id']!, event.data);
    return { status: 200, body: { outcome } };
  },
});

export const webhookRoutes = [resendWebhook];
