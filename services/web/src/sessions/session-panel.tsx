// The selected session on Process status: its report counts (green, amber, red, without a current
// report), the items still without one and their owners, and the email timeline. Organisers can
// change an upcoming session here; held and cancelled ones are read-only for everybody.
import { Badge, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { useSessionStatus } from '../api/queries';
import { ItemTitle, KindBadge, lightColor } from '../components/labels';
import { QueryState } from '../components/query-state';
import { formatDay } from '../i18n/format';
import { EmailTimeline } from './email-timeline';
import { RetryFailed } from './retry-failed';
import { SeriesSection } from './series-section';
import { SessionControls } from './session-controls';

type Status = Schemas['SessionStatus'];

/** The API's skip reasons, as keys of `missing.skipped`. */
const skippedKey = {
  'no email address': 'noEmail',
  'no longer a member': 'left',
  'address bounced': 'bounced',
  'marked as spam': 'complained',
  'paused emails': 'paused',
} as const;

interface Props {
  teamId: string;
  sessionId: string;
  timeZone: string;
  canSchedule: boolean;
}

export function SessionPanel({ teamId, sessionId, timeZone, canSchedule }: Props) {
  const status = useSessionStatus(teamId, sessionId);
  return (
    <QueryState query={status}>
      {(data) => <SessionView status={data} timeZone={timeZone} canSchedule={canSchedule} />}
    </QueryState>
  );
}

function SessionView({
  status,
  timeZone,
  canSchedule,
}: {
  status: Status;
  timeZone: string;
  canSchedule: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { session } = status;
  const base = `/teams/${session.teamId}/sessions/${session.id}`;
  const [titleRef, focusTitleSoon] = useFocusLater<HTMLHeadingElement>();
  const failed = status.deliveries.filter((delivery) => delivery.state === 'failed').length;
  return (
    <Card withBorder component="section" aria-labelledby="session-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} size="h3" id="session-title" tabIndex={-1} ref={titleRef}>
              {formatDay(session.date, i18n.language)}
            </Title>
            <Group gap="xs">
              <KindBadge kind={session.kind} />
              <Badge color={session.state === 'scheduled' ? 'blue' : 'gray'}>
                {t(`states.${session.state}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('session.invitation', { value: t(session.sendInvitation ? 'common.on' : 'common.off') })} ·{' '}
                {t('session.reminder', { value: t(session.sendReminder ? 'common.on' : 'common.off') })} ·{' '}
                {t('session.escalation', { value: t(session.sendEscalation ? 'common.on' : 'common.off') })}
              </Text>
            </Group>
          </Stack>
          <Group gap="xs">
            <Link to={base}>{t('overview.itemsInvolved')}</Link>
            <Link to={`${base}/reports`}>{t('overview.progressReports')}</Link>
          </Group>
        </Group>

        <ReportCounts counts={status.counts} />
        <MissingReports missing={status.missing} />

        <Stack gap="xs" component="section" aria-labelledby="timeline-title">
          <Title order={3} size="h5" id="timeline-title">
            {t('timeline.title')}
          </Title>
          <EmailTimeline status={status} timeZone={timeZone} />
          {canSchedule && session.state === 'scheduled' && failed > 0 && (
            <RetryFailed teamId={session.teamId} sessionId={session.id} failed={failed} />
          )}
        </Stack>

        {session.seriesId && (
          <SeriesSection
            session={session}
            seriesId={session.seriesId}
            canSchedule={canSchedule}
            onCancelled={focusTitleSoon}
          />
        )}

        {canSchedule && session.state === 'scheduled' && (
          <SessionControls session={session} timeZone={timeZone} onChanged={focusTitleSoon} />
        )}
        {session.state !== 'scheduled' && (
          <Text size="sm" c="dimmed">
            {t(`session.readOnly.${session.state}`)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function ReportCounts({ counts }: { counts: Status['counts'] }) {
  const { t } = useTranslation();
  const tiles = [
    ...(['green', 'amber', 'red'] as const).map((light) => ({
      key: light,
      label: t(`lights.${light}`),
      value: counts[light],
      color: lightColor[light],
    })),
    { key: 'missing', label: t('counts.missing'), value: counts.missing, color: 'gray' },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="list" aria-label={t('counts.title')}>
      {tiles.map((tile) => (
        <Paper
          key={tile.key}
          withBorder
          p="sm"
          role="listitem"
          style={{ borderLeft: `4px solid var(--mantine-color-${tile.color}-6)` }}
        >
          <Text size="xl" fw={700} data-testid={`count-${tile.key}`}>
            {tile.value}
          </Text>
          <Text size="sm">{tile.label}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function MissingReports({ missing }: { missing: Status['missing'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="missing-title">
      <Title order={3} size="h5" id="missing-title">
        {t('missing.title')}
      </Title>
      {missing.length === 0 ? (
        <Text size="sm" c="green.8">
          {t('missing.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table aria-labelledby="missing-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.item')}</Table.Th>
                <Table.Th>{t('common.owner')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {missing.flatMap(({ owner, items, skipped }) =>
                items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <ItemTitle item={item} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{owner.name}</Text>
                      {skipped && (
                        <Text size="xs" c="dimmed">
                          {t(`missing.skipped.${skippedKey[skipped]}`)}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/**
 * Focus for after a change that redraws or removes the control that had it: the heading gets it once
 * the new data is drawn, so keyboard and screen-reader users keep their place. The pending timer
 * dies with the panel, so it never reaches into a page drawn after it.
 */
function useFocusLater<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const soon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => ref.current?.focus(), 300);
  }, []);
  return [ref, soon] as const;
}
