// Process status for one team: the Calendar (upcoming and past sessions) and, for the chosen
// session (?session=…; by default the next one), whether every item involved has been updated.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Schemas } from '../api/client';
import { useSessions, useTeam, useTeamRoles } from '../api/queries';
import { QueryState } from '../components/query-state';
import { CalendarSection } from '../sessions/calendar-section';
import { SessionPanel } from '../sessions/session-panel';

type Entry = Schemas['SessionListEntry'];

export function ProcessStatusPage() {
  const { t } = useTranslation();
  const { teamId = '' } = useParams();
  const team = useTeam(teamId);
  const sessions = useSessions(teamId);
  const { canSchedule } = useTeamRoles(teamId);
  const [params, setParams] = useSearchParams();
  const timeZone = team.data?.timeZone;

  return (
    <Stack>
      <div>
        <Title order={1}>{t('processStatus.title')}</Title>
        {team.data && (
          <Text c="dimmed">
            {team.data.name} · {t('processStatus.zone', { zone: team.data.timeZone })}
          </Text>
        )}
      </div>
      <QueryState query={sessions}>
        {({ sessions: list }) => {
          const selectedId = params.get('session') ?? defaultSession(list)?.id ?? null;
          const select = (sessionId: string) => setParams({ session: sessionId });
          return (
            <>
              <CalendarSection
                teamId={teamId}
                timeZone={timeZone}
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
    </Stack>
  );
}

/** The next scheduled session, else the most recent past one. The list comes sorted by date. */
function defaultSession(sessions: Entry[]): Entry | undefined {
  return sessions.find((session) => session.state === 'scheduled') ?? sessions.at(-1);
}
