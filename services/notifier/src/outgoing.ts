// From a session workflow's message to the email a provider gets: the owner as they are now (a
// bounce or a pause since the step began), the rendered email with its pause link and reply-to,
// the lane it queues in, and what its Delivery row is keyed by.
import type { DeliveryStep, EmailMessage, Owner } from '@rhythm/domain';
import { pauseUrl } from '@rhythm/platform';
import {
  pausedIn,
  suppressedReason,
  suppressionsOf,
  type DeliveryMessage,
  type EntityManager,
} from '@rhythm/persistence';
import type { Lane } from './coalescing/batch-store.js';
import { renderEmail, type Links } from './templates/render.js';
import type { OutgoingEmail } from './transports/transport.js';

/**
 * Invitations and reminders (late invitations too) are due at a time the owner was promised;
 * moved and cancelled notices come in bulk when a series is cancelled. Keyed by the domain's
 * steps, so a new step without a lane fails to compile.
 */
export const LANE: Readonly<Record<DeliveryStep, Lane>> = {
  invitation: 'urgent',
  reminder: 'urgent',
  moved: 'bulk',
  cancelled: 'bulk',
  // Due at the send hour the day before, like the reminder: the process owner was promised it.
  escalation: 'urgent',
};

export interface EmailDressing {
  from: string;
  links: Links;
  /** Signs the one-click pause link (List-Unsubscribe); without it, emails carry none. */
  pauseLinks?: { secret: string; baseUrl: string } | undefined;
}

/** Renders one message for the provider; `replyTo` is the team's process owner, if it has one. */
export async function outgoingEmail(
  { from, links, pauseLinks }: EmailDressing,
  message: EmailMessage,
  replyTo: string | undefined,
): Promise<OutgoingEmail> {
  return {
    idempotencyKey: message.idempotencyKey,
    from,
    to: message.to.email!,
    ...(await renderEmail(message, links)),
    ...(pauseLinks ? { headers: listUnsubscribe(pauseLinks, message) } : {}),
    ...(replyTo ? { replyTo } : {}),
  };
}

/** What a coalesced batch keeps of a message: its Delivery row's key, not its content. */
export function deliveryMessage(message: EmailMessage): DeliveryMessage {
  const { idempotencyKey, sessionId, template, sessionDate, round } = message;
  return {
    idempotencyKey,
    sessionId,
    template,
    sessionDate,
    ...(round ? { round } : {}),
    to: { userId: message.to.userId },
  };
}

/**
 * The owners as they are now: the workflow built each message when its step began, and a send can
 * be retried for hours (a quota, an outage); a bounce or a pause since then still stops it.
 */
export async function latestOwnerState(em: EntityManager, messages: EmailMessage[]) {
  const suppressions = await suppressionsOf(
    em,
    messages.map((message) => message.to.email),
  );
  const paused = new Set<string>();
  for (const teamId of new Set(messages.map((message) => message.teamId))) {
    const owners = messages.filter((message) => message.teamId === teamId).map((m) => m.to.userId);
    for (const userId of await pausedIn(em, teamId, owners)) paused.add(`${teamId}/${userId}`);
  }
  return ({ to, teamId }: EmailMessage): Owner => {
    const suppressed = suppressedReason(suppressions, to.email) ?? to.suppressed;
    return {
      ...to,
      ...(suppressed ? { suppressed } : {}),
      ...(paused.has(`${teamId}/${to.userId}`) || to.paused ? { paused: true } : {}),
    };
  };
}

/** RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` to the link. */
function listUnsubscribe(
  { secret, baseUrl }: { secret: string; baseUrl: string },
  message: EmailMessage,
): Record<string, string> {
  return {
    'List-Unsubscribe': `<${pauseUrl(baseUrl, secret, message.teamId, message.to.userId)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
