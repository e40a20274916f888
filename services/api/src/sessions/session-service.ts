// The session service the routes call: every operation bound to its dependencies once at boot.
// Each operation checks that the session belongs to `teamId`; who may call it is the route's check.
import type { ItemType, SessionRepeat, SignInLinkEmail, TeamInvitationEmail } from '@rhythm/domain';
import { startSignInLinkEmail } from '@rhythm/session-lifecycle';
import { emailInvitation } from '../invitations/invitation-email.js';
import {
  cancelSession,
  rescheduleSession,
  resyncSession,
  setNotifications,
} from './scheduling/change-session.js';
import { createSession, type CreateSessionOptions } from './scheduling/create-session.js';
import { onPlanChanged } from './scheduling/plan-changed.js';
import { retryFailedSends } from './scheduling/retry-failed.js';
import { cancelSeries, changeSeriesRepeat, seriesDetail } from './series/series.js';
import { sessionCalendar, sessionInvitationCalendar } from './calendar/session-calendar.js';
import { sessionContext, type SessionServiceDependencies } from './session-context.js';
import { listSessions } from './views/session-list.js';
import { sessionDetail, sessionReports } from './views/session-reads.js';
import { sessionStatus } from './views/session-status.js';
import type {
  CreateSessionInput,
  ListSessionsQuery,
  NotificationsInput,
  ReportInput,
  TeamSettingsInput,
} from './sessions.schemas.js';
import { onTeamSettingsChanged } from './scheduling/team-settings.js';
import { writeReport } from './reports/write-report.js';

export function createSessionService(deps: SessionServiceDependencies) {
  const ctx = sessionContext(deps);
  return {
    createSession: (teamId: string, input: CreateSessionInput, options?: CreateSessionOptions) =>
      createSession(ctx, teamId, input, options),
    rescheduleSession: (teamId: string, sessionId: string, date: string) =>
      rescheduleSession(ctx, teamId, sessionId, date),
    setNotifications: (teamId: string, sessionId: string, switches: NotificationsInput) =>
      setNotifications(ctx, teamId, sessionId, switches),
    cancelSession: (teamId: string, sessionId: string, reason?: string) =>
      cancelSession(ctx, teamId, sessionId, reason),
    resyncSession: (teamId: string, sessionId: string) => resyncSession(ctx, teamId, sessionId),
    retryFailedSends: (teamId: string, sessionId: string) => retryFailedSends(ctx, teamId, sessionId),
    onTeamSettingsChanged: (teamId: string, settings: TeamSettingsInput) =>
      onTeamSettingsChanged(ctx, teamId, settings),
    onPlanChanged: (teamId: string, itemType: ItemType) => onPlanChanged(ctx, teamId, itemType),
    // Not a session, but the same Temporal client and task queue (the sessions worker runs it).
    emailInvitation: (send: number, email: TeamInvitationEmail) => emailInvitation(ctx, send, email),
    /** Starts `sign-in-link-<id>`; false when it was started already (a retried request). */
    emailSignInLink: (email: SignInLinkEmail) => startSignInLinkEmail(ctx, email),
    seriesDetail: (teamId: string, seriesId: string) => seriesDetail(ctx, teamId, seriesId),
    changeSeriesRepeat: (teamId: string, seriesId: string, repeat: SessionRepeat) =>
      changeSeriesRepeat(ctx, teamId, seriesId, repeat),
    cancelSeries: (teamId: string, seriesId: string, reason?: string) =>
      cancelSeries(ctx, teamId, seriesId, reason),
    sessionDetail: (teamId: string, sessionId: string) => sessionDetail(ctx, teamId, sessionId),
    sessionReports: (teamId: string, sessionId: string) => sessionReports(ctx, teamId, sessionId),
    sessionStatus: (teamId: string, sessionId: string) => sessionStatus(ctx, teamId, sessionId),
    listSessions: (teamId: string, query?: Partial<ListSessionsQuery>) => listSessions(ctx, teamId, query),
    writeReport: (teamId: string, sessionId: string, itemId: string, authorId: string, input: ReportInput) =>
      writeReport(ctx, teamId, sessionId, itemId, authorId, input),
    sessionCalendar: (teamId: string, sessionId: string) => sessionCalendar(ctx, teamId, sessionId),
    sessionInvitationCalendar: (sessionId: string, userId: string) =>
      sessionInvitationCalendar(ctx, sessionId, userId),
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
