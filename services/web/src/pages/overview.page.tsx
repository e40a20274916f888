// My overview: per team, the next session (date, kind, days to go) with buttons to the items it
// involves and to the progress reports, and the caller's own items for it with a Report button.
import { Badge, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { useOverview, useTeam } from '../api/queries';
import { ItemTitle, KindBadge, LightBadge } from '../components/labels';
import { QueryState } from '../components/query-state';
import { RoleBadges } from '../components/role-badges';
import { formatDay, formatInstant } from '../i18n/format';
import { PausedEmails } from './paused-emails';

type OverviewTeam = Schemas['Overview']['teams'][number];
type NextSession = NonNullable<OverviewTeam['nextSession']>;

export function OverviewPage() {
  const { t } = useTranslation();
  const overview = useOverview();
  return (
    <Stack>
      <Title order={1}>{t('overview.title')}</Title>
      <QueryState query={overview}>
        {({ teams }) =>
          teams.length === 0 ? (
            <Text>{t('overview.noTeams')}</Text>
          ) : (
            teams.map((team) => <TeamCard key={team.id} team={team} />)
          )
        }
      </QueryState>
    </Stack>
  );
}

function TeamCard({ team }: { team: OverviewTeam }) {
  const { t } = useTranslation();
  // Report times in the team's zone (shown without a zone name until the team has loaded).
  const timeZone = useTeam(team.id).data?.timeZone;
  const headingId = `team-${team.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id={headingId}>
            {team.name}
          </Title>
          <RoleBadges roles={team.roles} />
        </Group>
        <PausedEmails teamId={team.id} />
        {team.nextSession ? (
          <NextSessionBlock session={team.nextSession} timeZone={timeZone} />
        ) : (
          <Text c="dimmed">{t('overview.noSession')}</Text>
        )}
        <Group>
          <Button component={Link} to={`/teams/${team.id}/status`} variant="subtle" px={0}>
            {t('overview.processStatus')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function NextSessionBlock({ session, timeZone }: { session: NextSession; timeZone: string | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('overview.nextSession')}
      </Title>
      <Group gap="sm">
        <Text fw={600}>{formatDay(session.date, i18n.language)}</Text>
        <KindBadge kind={session.kind} />
        <Badge variant="dot">{t('overview.daysToGo', { count: session.daysToGo })}</Badge>
      </Group>
      <Group gap="sm">
        <Button component={Link} to={session.links.itemsInvolved} variant="light">
          {t('overview.itemsInvolved')}
        </Button>
        <Button component={Link} to={session.links.progressReports} variant="light">
          {t('overview.progressReports')}
        </Button>
      </Group>
      <Title order={3} size="h5">
        {t('overview.myItems')}
      </Title>
      {session.items.length === 0 ? (
        <Text c="dimmed">{t('overview.noItems')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.item')}</Table.Th>
                <Table.Th>{t('common.report')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {session.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <ItemTitle item={item} />
                  </Table.Td>
                  <Table.Td>
                    {item.report ? (
                      <Group gap="xs">
                        <LightBadge light={item.report.trafficLight} />
                        <Text size="sm">
                          {t('report.percent', { value: item.report.progress })} ·{' '}
                          {formatInstant(item.report.createdAt, i18n.language, timeZone)}
                        </Text>
                      </Group>
                    ) : (
                      <Badge color="gray">{t('report.none')}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      component={Link}
                      to={item.links.report}
                      size="xs"
                      aria-label={t('overview.reportOn', { title: item.title })}
                    >
                      {t('overview.report')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
