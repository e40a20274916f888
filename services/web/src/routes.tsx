// The app's pages by path. The session paths are the ones the API hands out (My overview's links)
// and the emails carry (/teams/{teamId}/sessions/{sessionId}…, /invitations/accept?token=…), so
// those links land here.
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useAuth } from './auth/auth-context';
import { Loading } from './components/query-state';
import { AppLayout } from './layout/app-layout';
import { AcceptInvitationPage } from './pages/accept-invitation.page';
import { CalendarDownloadPage } from './pages/calendar-download.page';
import { CreateTeamPage } from './pages/create-team.page';
import { MembersPage } from './pages/members.page';
import { NotFoundPage } from './pages/not-found.page';
import { OutboxPage } from './pages/outbox.page';
import { OverviewPage } from './pages/overview.page';
import { PlanImportPage } from './pages/plan-import.page';
import { PlanPage } from './pages/plan.page';
import { ProcessStatusPage } from './pages/process-status.page';
import { ProfilePage } from './pages/profile.page';
import { ReportPage } from './pages/report.page';
import { SessionItemsPage } from './pages/session-items.page';
import { SessionReportsPage } from './pages/session-reports.page';
import { SignInLinkPage } from './pages/sign-in-link.page';
import { SignInPage } from './pages/sign-in.page';
import { SignedInPage } from './pages/signed-in.page';
import { TeamSettingsPage } from './pages/team-settings.page';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      {/* The sign-in email's link, and where the organisation's provider sends the browser back. */}
      <Route path="/sign-in/link" element={<SignInLinkPage />} />
      <Route path="/signed-in" element={<SignedInPage />} />
      <Route element={<SignedIn />}>
        <Route index element={<OverviewPage />} />
        <Route path="teams/new" element={<CreateTeamPage />} />
        <Route path="teams/:teamId/status" element={<ProcessStatusPage />} />
        <Route path="teams/:teamId/plan" element={<PlanPage />} />
        <Route path="teams/:teamId/plan/import" element={<PlanImportPage />} />
        <Route path="teams/:teamId/members" element={<MembersPage />} />
        <Route path="teams/:teamId/settings" element={<TeamSettingsPage />} />
        <Route path="teams/:teamId/sessions/:sessionId" element={<SessionItemsPage />} />
        <Route path="teams/:teamId/sessions/:sessionId/reports" element={<SessionReportsPage />} />
        <Route path="teams/:teamId/sessions/:sessionId/calendar" element={<CalendarDownloadPage />} />
        <Route path="teams/:teamId/sessions/:sessionId/report" element={<ReportPage />} />
        <Route path="teams/:teamId/sessions/:sessionId/items/:itemId/report" element={<ReportPage />} />
        <Route path="profile" element={<ProfilePage />} />
        {/* The invitation email's link: behind sign-in, so a visitor signs in and comes back here. */}
        <Route path="invitations/accept" element={<AcceptInvitationPage />} />
        <Route path="outbox" element={<OutboxPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** Pages behind sign-in; a visitor without a session goes to sign-in and comes back after. */
function SignedIn() {
  const { session, restoring } = useAuth();
  const location = useLocation();
  // Until the app knows whether the refresh cookie signs this browser in, it sends nobody away.
  if (!session && restoring) return <Loading />;
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />;
  }
  return <AppLayout />;
}
