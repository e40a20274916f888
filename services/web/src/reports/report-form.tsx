// One item's progress report: percent done, traffic light and explanation. Each save adds a report
// (the API keeps them all; the newest counts), so the form starts from the current one.
import { Button, Card, Group, NumberInput, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ok, type Schemas } from '../api/client';
import { ApiError } from '../api/problem';
import { keys } from '../api/queries';
import { useApi } from '../auth/auth-context';
import { ItemTypeBadge, LightBadge } from '../components/labels';
import { FormError } from '../components/query-state';
import { formatInstant } from '../i18n/format';

type Entry = Schemas['SessionReports']['items'][number];
type NewReport = Schemas['NewProgressReport'];
const fields = ['progress', 'trafficLight', 'explanation'];

interface Props {
  teamId: string;
  sessionId: string;
  entry: Entry;
  readOnly: boolean;
  focused: boolean;
  /** The team's zone: when it was last reported, in the team's time. */
  timeZone: string;
}

export function ReportForm({ teamId, sessionId, entry, readOnly, focused, timeZone }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { item, report } = entry;
  const [form, setForm] = useState<{
    progress: number | '';
    trafficLight: NewReport['trafficLight'] | '';
    explanation: string;
  }>({
    progress: report?.progress ?? '',
    trafficLight: report?.trafficLight ?? '',
    explanation: report?.explanation ?? '',
  });
  const [missing, setMissing] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: NewReport) =>
      ok(
        api.PUT('/api/teams/{teamId}/sessions/{sessionId}/items/{itemId}/report', {
          params: { path: { teamId, sessionId, itemId: item.id } },
          body,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.session(teamId, sessionId) }),
        queryClient.invalidateQueries({ queryKey: keys.sessions(teamId) }),
        queryClient.invalidateQueries({ queryKey: keys.overview }),
      ]),
  });
  const apiError = save.error instanceof ApiError ? save.error : null;
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused) card.current?.scrollIntoView?.({ block: 'start' });
  }, [focused]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (form.progress === '') errors.progress = t('report.progressRequired');
    if (form.trafficLight === '') errors.trafficLight = t('report.lightRequired');
    if (!form.explanation.trim()) errors.explanation = t('report.explanationRequired');
    setMissing(errors);
    if (Object.keys(errors).length || form.progress === '' || form.trafficLight === '') return;
    save.mutate({
      progress: form.progress,
      trafficLight: form.trafficLight,
      explanation: form.explanation.trim(),
    });
  };
  const error = (field: string) => missing[field] ?? apiError?.fieldError(field);
  const titleId = `item-${item.id}`;

  return (
    <Card
      withBorder
      ref={card}
      component="section"
      aria-labelledby={titleId}
      bd={focused ? '2px solid var(--mantine-color-indigo-5)' : undefined}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group gap="xs">
            <ItemTypeBadge type={item.type} />
            <Title order={2} size="h4" id={titleId}>
              {item.title}
            </Title>
          </Group>
          <Group gap="xs">
            {report ? (
              <>
                <LightBadge light={report.trafficLight} />
                <Text size="sm">
                  {t('report.lastReported', { at: formatInstant(report.createdAt, i18n.language, timeZone) })}
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('report.notYet')}
              </Text>
            )}
          </Group>
          <NumberInput
            label={t('report.progress')}
            min={0}
            max={100}
            clampBehavior="strict"
            allowDecimal={false}
            suffix="%"
            value={form.progress}
            onChange={(value) =>
              setForm((current) => ({ ...current, progress: typeof value === 'number' ? value : '' }))
            }
            error={error('progress')}
            disabled={readOnly}
            required
          />
          <Radio.Group
            label={t('report.light')}
            value={form.trafficLight}
            onChange={(value) =>
              setForm((current) => ({ ...current, trafficLight: value as NewReport['trafficLight'] }))
            }
            error={error('trafficLight')}
            required
          >
            <Group gap="md" mt={4}>
              {(['green', 'amber', 'red'] as const).map((light) => (
                <Radio key={light} value={light} label={t(`lights.${light}`)} disabled={readOnly} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('report.explanation')}
            description={t('report.explanationHint')}
            autosize
            minRows={3}
            maxLength={5000}
            value={form.explanation}
            onChange={(event) => {
              const explanation = event.currentTarget.value;
              setForm((current) => ({ ...current, explanation }));
            }}
            error={error('explanation')}
            disabled={readOnly}
            required
          />
          <FormError error={save.error} fields={fields} />
          {save.isSuccess && (
            <Text size="sm" c="green.8" role="status">
              {t('report.saved')}
            </Text>
          )}
          {!readOnly && (
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={save.isPending}
                aria-label={t('report.saveFor', { title: item.title })}
              >
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
