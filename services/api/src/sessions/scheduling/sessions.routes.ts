// A team's sessions: the calendar, adding one, reading one with its workflow's view, moving it or
// switching its emails, and cancelling it. Members read; administrators and process owners change.
// The session service (deps.sessions) keeps each row and its workflow in step; these routes only
// translate HTTP.
import { CalendarDate } from '@rhythm/domain';
import { z } from 'zod';
import { Id, TeamParams } from '../../http/common.schemas.js';
import { defineRoute } from '../../http/route.js';
import { SessionDetailSchema, SessionListSchema, SessionSchema } from '../views/session-views.schemas.js';
import {
  CancelInput,
  CreateSessionInput,
  IdempotencyKey,
  ListSessionsQuery,
  type NotificationsInput,
} from '../sessions.schemas.js';

export const SessionParams = TeamParams.extend({ sessionId: Id });
const organisers = { roles: ['administrator', 'process_owner'] as const };
const tags = ['sessions'];
const collection = '/api/teams/{teamId}/sessions';
const one = `${collection}/{sessionId}`;

const IdempotencyHeaders = z.object({
  'Idempotency-Key': IdempotencyKey.optional().meta({
    description:
      'Any unique string (a UUID). A retry with the same key and body returns the session the first request made, without a second one.',
  }),
});

const SessionChanges = z
  .strictObject({
    date: CalendarDate.optional().meta({
      description: 'Moves the session (the `reschedule` signal); not before today in the team’s zone.',
    }),
    sendInvitation: z.boolean().optional(),
    sendReminder: z.boolean().optional(),
    sendEscalation: z.boolean().optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: 'Name date, sendInvitation, sendReminder or sendEscalation',
  })
  .meta({ id: 'SessionChanges', description: 'Only the properties sent change.' });

export const listSessions = defineRoute({
  method: 'get',
  path: collection,
  operationId: 'listSessions',
  summary: 'The team’s calendar: sessions by date, with submitted and outstanding report counts',
  description:
    'A page at a time (`limit`, 100 by default): while `nextCursor` is not null, ask again with it as `cursor` and the ' +
    'same filters. Each page starts after the last session of the one before (by date, then creation), so sessions ' +
    'added meanwhile do not shift the pages; one moved across that point between two requests can show twice or not at all.',
  tags,
  team: {},
  request: {
    params: TeamParams,
    query: ListSessionsQuery.meta({ description: '`from` and `to` are inclusive dates.' }),
  },
  responses: { 200: SessionListSchema },
  handler: async ({ member, query, deps }) => ({
    status: 200,
    body: await deps.sessions.listSessions(member.team.id, query),
  }),
});

export const createSession = defineRoute({
  method: 'post',
  path: collection,
  operationId: 'createSession',
  summary: 'Schedule a session and start its workflow (administrators and process owners)',
  description:
    'Both the session and its workflow exist afterwards, or neither (503, safe to retry). With an `Idempotency-Key`, a retry ' +
    'answers 201 with the same session and the header `Idempotent-Replayed: true`; the key with another body is 409.',
  tags,
  team: organisers,
  request: {
    params: TeamParams,
    body: CreateSessionInput.meta({ id: 'NewSession' }),
    headers: IdempotencyHeaders,
  },
  responses: { 201: SessionSchema },
  problems: [409, 503],
  handler: async ({ member, body, headers, deps }) => {
    const idempotencyKey = headers['Idempotency-Key'];
    const { session, replayed } = await deps.sessions.createSession(
      member.team.id,
      body,
      idempotencyKey === undefined ? {} : { idempotencyKey },
    );
    const location = `/api/teams/${session.teamId}/sessions/${session.id}`;
    return {
      status: 201,
      body: session,
      headers: { Location: location, ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}) },
    };
  },
});

export const getSession = defineRoute({
  method: 'get',
  path: one,
  operationId: 'getSession',
  summary: 'A session, with its workflow’s `status` query (plan, sends, changes)',
  tags,
  team: {},
  request: { params: SessionParams },
  responses: { 200: SessionDetailSchema },
  handler: async ({ member, params, deps }) => ({
    status: 200,
    body: await deps.sessions.sessionDetail(member.team.id, params.sessionId),
  }),
});

export const updateSession = defineRoute({
  method: 'patch',
  path: one,
  operationId: 'updateSession',
  summary: 'Move a session or switch its invitation and reminder (administrators and process owners)',
  description:
    'A new `date` signals `reschedule`; the flags signal `setNotifications`. Held and cancelled sessions, and one whose day is over, ' +
    'are locked (409). Each change is kept only if its workflow took it (else 503 and the row is as before). With a date and flags, ' +
    'the move comes first: after a 503 on the flags the move stays, and sending the same body again completes the rest.',
  tags,
  team: organisers,
  request: { params: SessionParams, body: SessionChanges },
  responses: { 200: SessionSchema },
  problems: [409, 503],
  handler: async ({ member, params, body, deps }) => {
    const { sessions } = deps;
    const teamId = member.team.id;
    let session =
      body.date === undefined ? null : await sessions.rescheduleSession(teamId, params.sessionId, body.date);
    const switches: NotificationsInput = {
      ...(body.sendInvitation === undefined ? {} : { invitation: body.sendInvitation }),
      ...(body.sendReminder === undefined ? {} : { reminder: body.sendReminder }),
      ...(body.sendEscalation === undefined ? {} : { escalation: body.sendEscalation }),
    };
    if (Object.keys(switches).length)
      session = await sessions.setNotifications(teamId, params.sessionId, switches);
    return { status: 200, body: session! };
  },
});

export const cancelSession = defineRoute({
  method: 'delete',
  path: one,
  operationId: 'cancelSession',
  summary: 'Cancel a session (administrators and process owners); the row stays, cancelled',
  description:
    'Signals `cancel`: nothing more is sent, and owners already invited get one "cancelled" email (with `reason` if given). ' +
    'Answers 200 with the cancelled session. A held or already cancelled session is 409.',
  tags,
  team: organisers,
  request: {
    params: SessionParams,
    query: CancelInput.meta({ description: 'An optional `reason`, quoted in the cancellation email.' }),
  },
  responses: { 200: SessionSchema },
  problems: [409, 503],
  handler: async ({ member, params, query, deps }) => ({
    status: 200,
    body: await deps.sessions.cancelSession(member.team.id, params.sessionId, query.reason),
  }),
});

const RetryFailedSchema = z
  .object({
    failed: z.number().int().meta({ description: 'Failed emails recorded when the retry was asked.' }),
  })
  .meta({ id: 'RetryFailed' });

export const retryFailedSends = defineRoute({
  method: 'post',
  path: `${one}/retry-failed`,
  operationId: 'retryFailedSends',
  summary:
    'Send the session’s failed emails again, once their cause is fixed (administrators and process owners)',
  description:
    'Signals `retryFailed`: the workflow sends each email the provider refused again, under its first idempotency key, so an ' +
    'email delivered meanwhile is never sent twice (a reminder only to owners still without a report). Answers 202; the ' +
    'outcome shows in the session’s deliveries. No failed email, or a held or cancelled session, is 409.',
  tags,
  team: organisers,
  request: { params: SessionParams },
  responses: { 202: RetryFailedSchema },
  problems: [409, 503],
  handler: async ({ member, params, deps }) => ({
    status: 202,
    body: await deps.sessions.retryFailedSends(member.team.id, params.sessionId),
  }),
});

export const sessionRoutes = [
  listSessions,
  createSession,
  getSession,
  updateSession,
  cancelSession,
  retryFailedSends,
];
