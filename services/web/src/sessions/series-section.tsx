// The series a session belongs to, on Process status: how it repeats, which session of the series
// this is, the dates that come next; organisers change or stop the repeat, or cancel every session
// of the series still ahead. One session alone is moved or cancelled with the session's controls.
import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { useSeries } from '../api/queries';
import { CancelDialog } from '../components/cancel-dialog';
import { ErrorMessage, QueryState } from '../components/query-state';
import { formatDay } from '../i18n/format';
import { useCancelSeries, useChangeSeriesRepeat, type SeriesRepeat } from './session-mutations';

type Series = Schemas['Series'];
const repeats = ['weekly', 'every_two_weeks', 'monthly', 'quarterly', 'none'] as const;

interface Props {
  session: Schemas['Session'];
  seriesId: string;
  canSchedule: boolean;
  onCancelled(): void;
}

export function SeriesSection({ session, seriesId, canSchedule, onCancelled }: Props) {
  const { t } = useTranslation();
  const series = useSeries(session.teamId, seriesId);
  return (
    <Stack gap="xs" component="section" aria-labelledby="series-title">
      <Title order={3} size="h5" id="series-title">
        {t('series.title')}
      </Title>
      <QueryState query={series}>
        {(data) => (
          <SeriesView series={data} session={session} canSchedule={canSchedule} onCancelled={onCancelled} />
        )}
      </QueryState>
    </Stack>
  );
}

function SeriesView({
  series,
  session,
  canSchedule,
  onCancelled,
}: { series: Series } & Omit<Props, 'seriesId'>) {
  const { t, i18n } = useTranslation();
  const cancel = useCancelSeries(series.teamId, series.id);
  const ahead = series.occurrences
    .filter((o) => o.date > session.date && o.state === 'scheduled')
    .map((o) => o.date);
  const next = [...ahead, ...series.upcoming].slice(0, 4);
  return (
    <>
      <Text size="sm">
        {session.occurrence !== null && `${t('series.occurrence', { number: session.occurrence + 1 })} · `}
        {series.state === 'active'
          ? t('series.repeats', { repeat: t(`repeat.${series.repeat}`) })
          : t(`series.${series.state}`)}
      </Text>
      {next.length > 0 && (
        <Text size="sm" title={t('series.nextExplain')}>
          {t('series.next', {
            dates: next.map((date) => formatDay(date, i18n.language, 'medium')).join(', '),
          })}
        </Text>
      )}
      {canSchedule && series.state !== 'cancelled' && (
        <>
          <RepeatForm series={series} />
          <CancelDialog texts="series" cancel={cancel} onCancelled={onCancelled} />
        </>
      )}
    </>
  );
}

function RepeatForm({ series }: { series: Series }) {
  const { t } = useTranslation();
  const change = useChangeSeriesRepeat(series.teamId, series.id);
  const [repeat, setRepeat] = useState<SeriesRepeat>(series.repeat);
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('series.repeatLabel')}
          value={repeat}
          onChange={(event) => setRepeat(event.currentTarget.value as SeriesRepeat)}
          data={repeats.map((value) => ({ value, label: t(`repeat.${value}`) }))}
        />
        <Button
          variant="light"
          loading={change.isPending}
          disabled={repeat === series.repeat}
          onClick={() => change.mutate(repeat)}
        >
          {t('series.change')}
        </Button>
      </Group>
      {change.isError && <ErrorMessage error={change.error} />}
    </Stack>
  );
}
