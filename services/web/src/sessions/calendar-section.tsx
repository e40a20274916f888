// The Calendar section of Process status: upcoming and past sessions with their submitted and
// outstanding report counts; organisers get "Add session". Choosing a session shows it below.
import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { KindBadge } from '../components/labels';
import { formatDay } from '../i18n/format';
import { AddSessionForm } from './add-session-form';

type Entry = Schemas['SessionListEntry'];
const PAST_SHOWN = 5;

interface Props {
  teamId: string;
  timeZone: string;
  /** Today in the team's zone: sessions from today on are upcoming, whatever their state. */
  today: string;
  sessions: Entry[];
  selectedId: string | null;
  canSchedule: boolean;
  onSelect(sessionId: string): void;
}

export function CalendarSection({
  teamId,
  timeZone,
  today,
  sessions,
  selectedId,
  canSchedule,
  onSelect,
}: Props) {
  const { t } = useTranslation();
  const [adding, { open, close }] = useDisclosure(false);
  // By date, not by state: a cancelled session next week is still in the upcoming list, marked.
  const upcoming = sessions.filter((session) => session.date >= today);
  const [allPast, setAllPast] = useState(false);
  const past = sessions.filter((session) => session.date < today).reverse();
  // A weekly rhythm piles up past sessions: the latest few, the rest on request.
  const shownPast = allPast ? past : past.slice(0, PAST_SHOWN);
  return (
    <Card withBorder component="section" aria-labelledby="calendar-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="calendar-title">
            {t('calendar.title')}
          </Title>
          {canSchedule && <Button onClick={open}>{t('calendar.add')}</Button>}
        </Group>
        <SessionTable
          caption={t('calendar.upcoming')}
          empty={t('calendar.noUpcoming')}
          sessions={upcoming}
          selectedId={selectedId}
          onSelect={onSelect}
        />
        <SessionTable
          caption={t('calendar.past')}
          empty={t('calendar.noPast')}
          sessions={shownPast}
          selectedId={selectedId}
          onSelect={onSelect}
        />
        {past.length > PAST_SHOWN && (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setAllPast((value) => !value)}>
              {allPast ? t('calendar.fewerPast') : t('calendar.allPast', { count: past.length })}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal
        opened={adding}
        onClose={close}
        title={t('addSession.title')}
        size="md"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <AddSessionForm
          teamId={teamId}
          timeZone={timeZone}
          onCancel={close}
          onCreated={(sessionId) => {
            close();
            onSelect(sessionId);
          }}
        />
      </Modal>
    </Card>
  );
}

interface TableProps {
  caption: string;
  empty: string;
  sessions: Entry[];
  selectedId: string | null;
  onSelect(sessionId: string): void;
}

function SessionTable({ caption, empty, sessions, selectedId, onSelect }: TableProps) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {caption}
      </Title>
      {sessions.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing="xs" aria-label={caption}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calendar.date')}</Table.Th>
                <Table.Th>{t('calendar.kind')}</Table.Th>
                <Table.Th>{t('calendar.reports')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((session) => {
                const selected = session.id === selectedId;
                return (
                  <Table.Tr key={session.id} bg={selected ? 'var(--mantine-color-indigo-light)' : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={selected ? 700 : 400}>
                        {formatDay(session.date, i18n.language, 'medium')}
                      </Text>
                      {session.state !== 'scheduled' && (
                        <Badge size="xs" color="gray">
                          {t(`states.${session.state}`)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <KindBadge kind={session.kind} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {t('calendar.counts', {
                          submitted: session.reports.submitted,
                          outstanding: session.reports.outstanding,
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant={selected ? 'filled' : 'light'}
                        aria-pressed={selected}
                        aria-label={t('calendar.show', { date: formatDay(session.date, i18n.language) })}
                        onClick={() => onSelect(session.id)}
                      >
                        {t('calendar.showShort')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
