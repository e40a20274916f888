// Process status for one team: the Calendar (upcoming and past sessions) and, for the chosen
// session (?session=…; by default the next one), whether every item involved has been updated.
// Everything waits for the team: its time zone decides what "today" and every send time mean.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Schemas } from '../api/client';
import { useSessions, useTeam, useTeamRoles } from '../api/queries';
import { ErrorMessage, QueryState } from '../components/query-state';
import { todayIn } from '../i18n/format';
import { CalendarSection } from '../sessions/calendar-section';
import { SessionPanel } from '../sessions/session-panel';

type Entry = Schemas['SessionListEntry'];

export function ProcessStatusPage() {
  const { t } = useTranslation();
  const { teamId = '' } = useParams();
  const team = useTeam(teamId);
  const sessions = useSessions(teamId);
  const roles = useTeamRoles(teamId);
  const { canSchedule } = roles;
  const [params, setParams] = useSearchParams();

  return (
    <Stack>
      <Title order={1}>{t('processStatus.title')}</Title>
      {roles.error && <ErrorMessage error={roles.error} onRetry={roles.retry} />}
      <QueryState query={team}>
        {({ name, timeZone }) => (
          <>
            <Text c="dimmed">
              {name} · {t('processStatus.zone', { zone: timeZone })}
            </Text>
            <QueryState query={sessions}>
              {({ sessions: list }) => {
                const today = todayIn(timeZone);
                const selectedId = params.get('session') ?? defaultSession(list, today)?.id ?? null;
                const select = (sessionId: string) => setParams({ session: sessionId });
                return (
                  <>
                    <CalendarSection
                      teamId={teamId}
                      timeZone={timeZone}
                      today={today}
                      sessions={list}
                      selectedId={selectedId}
                      canSchedule={canSchedule}
                      onSelect={select}
                    />
                    {selectedId && (
                      <SessionPanel
                        teamId={teamId}
                        sessionId={selectedId}
                        timeZone={timeZone}
                        canSchedule={canSchedule}
                      />
                    )}
                  </>
                );
              }}
            </QueryState>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** The next scheduled session, else the latest one before today. The list comes sorted by date. */
function defaultSession(sessions: Entry[], today: string): Entry | undefined {
  return (
    sessions.find((session) => session.state === 'scheduled' && session.date >= today) ??
    sessions.filter((session) => session.date < today).at(-1) ??
    sessions.at(0)
  );
}
