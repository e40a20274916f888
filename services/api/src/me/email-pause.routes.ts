// Pausing Rhythm's emails: the one-click link every email carries (List-Unsubscribe, RFC 8058)
// pauses them for that owner in that team without signing in, so the link is signed
// (EMAIL_LINK_SECRET, shared with the notifier; signed-links.ts in libs/platform). While paused,
// the notification rules skip the owner and the timeline says why; the owner resumes here, signed
// in. Pausing twice is one pause; resuming when not paused is 404.
import { EmailPause, Membership } from '@rhythm/persistence';
import { PAUSE_PATH, pauseSignatureValid } from '@rhythm/platform';
import { z } from 'zod';
import { NotFoundError, UnavailableError } from '../errors.js';
import { Id, TeamParams } from '../http/common.schemas.js';
import { clientError } from '../http/client-error.js';
import { defineRoute } from '../http/route.js';

const PauseQuery = z.object({ team: Id, user: Id, sig: z.string().min(1).max(100) });
const PausedSchema = z
  .object({ teamId: Id, teamName: z.string(), paused: z.literal(true) })
  .meta({ id: 'EmailPaused' });

export const pauseEmails = defineRoute({
  method: 'post',
  path: PAUSE_PATH,
  operationId: 'pauseEmails',
  summary: 'Pause Rhythm’s emails for one owner in one team (the signed one-click link in each email)',
  description:
    'What mail clients POST (`List-Unsubscribe=One-Click`) to the `List-Unsubscribe` link. A link whose signature does not ' +
    'verify is 400 and changes nothing. The owner resumes with `DELETE /api/me/email-pauses/{teamId}`.',
  tags: ['me'],
  public: true,
  request: { query: PauseQuery },
  responses: { 200: PausedSchema },
  problems: [400, 404, 503],
  handler: async ({ query, em, deps }) => {
    const secret = deps.config.EMAIL_LINK_SECRET;
    if (!secret) throw new UnavailableError('Pause links are not configured: EMAIL_LINK_SECRET is not set.');
    if (!pauseSignatureValid(secret, query.team, query.user, query.sig))
      throw clientError(400, 'This pause link is not valid: nothing was changed.');
    const membership = await em.findOne(
      Membership,
      { team: query.team, user: query.user },
      { populate: ['team'] },
    );
    if (!membership)
      throw new NotFoundError('You are no longer a member of this team: Rhythm does not email you there.');
    await em.upsert(
      EmailPause,
      { user: query.user, team: query.team },
      { onConflictFields: ['user', 'team'], onConflictAction: 'ignore' },
    );
    const team = membership.team.getEntity();
    return { status: 200, body: { teamId: team.id, teamName: team.name, paused: true as const } };
  },
});

export const resumeEmails = defineRoute({
  method: 'delete',
  path: '/api/me/email-pauses/{teamId}',
  operationId: 'resumeEmails',
  summary: 'Receive Rhythm’s emails in a team again, after pausing them',
  tags: ['me'],
  request: { params: TeamParams },
  responses: { 204: null },
  problems: [404],
  handler: async ({ caller, params, em }) => {
    const removed = await em.nativeDelete(EmailPause, { user: caller.id, team: params.teamId });
    if (!removed) throw new NotFoundError('Your emails in this team are not paused.');
    return { status: 204 };
  },
});

export const emailPauseRoutes = [pauseEmails, resumeEmails];
