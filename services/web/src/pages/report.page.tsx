// The report page: the signed-in owner's items for a session, each with its report form. An email's
// or My overview's link to one item (…/items/{itemId}/report) lands on the same page at that item.
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe, useSessionReports, useTeam } from '../api/queries';
import { SessionHeading } from '../components/labels';
import { QueryState } from '../components/query-state';
import { ReportForm } from '../reports/report-form';

export function ReportPage() {
  const { t } = useTranslation();
  const { teamId = '', sessionId = '', itemId } = useParams();
  const me = useMe();
  const reports = useSessionReports(teamId, sessionId);
  const team = useTeam(teamId);
  return (
    <Stack>
      <Title order={1}>{t('report.title')}</Title>
      <QueryState query={me}>
        {({ user }) => (
          <QueryState query={team}>
            {({ timeZone }) => (
              <QueryState query={reports}>
                {({ session, items }) => {
                  const mine = items.filter((entry) => entry.owner.userId === user.id);
                  const { state } = session;
                  const readOnly = state !== 'scheduled';
                  return (
                    <>
                      <SessionHeading session={session} />
                      {state !== 'scheduled' && <Alert color="gray">{t(`report.locked.${state}`)}</Alert>}
                      {mine.length === 0 ? (
                        <Text c="dimmed">{t('report.nothingToReport')}</Text>
                      ) : (
                        mine.map((entry) => (
                          <ReportForm
                            key={entry.item.id}
                            teamId={teamId}
                            sessionId={sessionId}
                            entry={entry}
                            readOnly={readOnly}
                            focused={entry.item.id === itemId}
                            timeZone={timeZone}
                          />
                        ))
                      )}
                    </>
                  );
                }}
              </QueryState>
            )}
          </QueryState>
        )}
      </QueryState>
    </Stack>
  );
}
