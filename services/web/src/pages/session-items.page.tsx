// The items a session involves (doing: the actions; steering: strategies, KPIs and actions), with
// their owners and whether each has a current report. "Items involved" on My overview lands here.
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSessionReports } from '../api/queries';
import { ItemTitle, LightBadge, SessionHeading } from '../components/labels';
import { QueryState } from '../components/query-state';

export function SessionItemsPage() {
  const { t } = useTranslation();
  const { teamId = '', sessionId = '' } = useParams();
  const reports = useSessionReports(teamId, sessionId);
  const base = `/teams/${teamId}/sessions/${sessionId}`;
  return (
    <Stack>
      <Title order={1}>{t('items.title')}</Title>
      <QueryState query={reports}>
        {({ session, items }) => (
          <>
            <SessionHeading session={session} />
            <Group gap="sm">
              <Button component={Link} to={`${base}/reports`} variant="light">
                {t('overview.progressReports')}
              </Button>
              <Button component={Link} to={`${base}/report`} variant="light">
                {t('items.myReports')}
              </Button>
              <Button component={Link} to={`${base}/calendar`} variant="light">
                {t('items.addToCalendar')}
              </Button>
              <Button component={Link} to={`/teams/${teamId}/status?session=${sessionId}`} variant="subtle">
                {t('overview.processStatus')}
              </Button>
            </Group>
            <Table.ScrollContainer minWidth={340}>
              <Table verticalSpacing="xs" aria-label={t('items.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('common.item')}</Table.Th>
                    <Table.Th>{t('common.owner')}</Table.Th>
                    <Table.Th>{t('common.report')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map(({ item, owner, report }) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>
                        <ItemTitle item={item} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{owner.name}</Text>
                      </Table.Td>
                      <Table.Td>
                        {report ? (
                          <LightBadge light={report.trafficLight} />
                        ) : (
                          <Badge color="gray">{t('report.none')}</Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
