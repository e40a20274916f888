// The progress reports for a session: every involved item's current report (progress, traffic
// light, explanation, when), or that it has none yet. "Progress reports" on My overview lands here.
import { Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSessionReports, useTeam } from '../api/queries';
import { ItemTypeBadge, LightBadge, SessionHeading, lightColor } from '../components/labels';
import { QueryState } from '../components/query-state';
import { formatInstant } from '../i18n/format';

export function SessionReportsPage() {
  const { t, i18n } = useTranslation();
  const { teamId = '', sessionId = '' } = useParams();
  const reports = useSessionReports(teamId, sessionId);
  const timeZone = useTeam(teamId).data?.timeZone;
  return (
    <Stack>
      <Title order={1}>{t('reports.title')}</Title>
      <QueryState query={reports}>
        {({ session, items }) => (
          <>
            <SessionHeading session={session} />
            {items.map(({ item, owner, report }) => (
              <Card withBorder key={item.id} component="article" aria-labelledby={`report-${item.id}`}>
                <Stack gap="xs">
                  <Group gap="xs">
                    <ItemTypeBadge type={item.type} />
                    <Title order={2} size="h5" id={`report-${item.id}`}>
                      {item.title}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {owner.name}
                    </Text>
                  </Group>
                  {report ? (
                    <>
                      <Group gap="sm">
                        <LightBadge light={report.trafficLight} />
                        <Text size="sm">{t('report.percent', { value: report.progress })}</Text>
                        <Text size="sm" c="dimmed">
                          {formatInstant(report.createdAt, i18n.language, timeZone)}
                        </Text>
                      </Group>
                      <Progress
                        value={report.progress}
                        color={lightColor[report.trafficLight]}
                        aria-label={t('report.progress')}
                      />
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {report.explanation}
                      </Text>
                    </>
                  ) : (
                    <Badge color="gray">{t('report.none')}</Badge>
                  )}
                </Stack>
              </Card>
            ))}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
