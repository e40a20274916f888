// "Add session" in the Calendar section: date, doing or steering, repeat, invitation, reminder and
// the escalation the day before (until touched it follows the kind, as the API's default does).
// The API's 422 field errors are shown next to their inputs; anything else above the buttons.
import { Button, Checkbox, Group, NativeSelect, Radio, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { FormError } from '../components/query-state';
import { todayIn } from '../i18n/format';
import { useCreateSession, type NewSession } from './session-mutations';

const repeats = ['none', 'weekly', 'every_two_weeks', 'monthly', 'quarterly'] as const;
const fields = ['date', 'kind', 'repeat', 'sendInvitation', 'sendReminder', 'sendEscalation'];

interface Props {
  teamId: string;
  timeZone: string;
  onCreated(sessionId: string): void;
  onCancel(): void;
}

export function AddSessionForm({ teamId, timeZone, onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const create = useCreateSession(teamId);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState<NewSession>({
    date: '',
    kind: 'doing',
    repeat: 'none',
    sendInvitation: true,
    sendReminder: true,
  });
  const [dateError, setDateError] = useState<string | null>(null);
  const apiError = create.error instanceof ApiError ? create.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.date) return setDateError(t('addSession.dateRequired'));
    setDateError(null);
    create.mutate({ body: form, idempotencyKey }, { onSuccess: (session) => onCreated(session.id) });
  };
  const set = <K extends keyof NewSession>(key: K, value: NewSession[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  return (
    <form onSubmit={submit} noValidate aria-label={t('addSession.title')}>
      <Stack gap="sm">
        <TextInput
          type="date"
          label={t('addSession.date')}
          required
          min={todayIn(timeZone)}
          value={form.date}
          onChange={(event) => set('date', event.currentTarget.value)}
          error={dateError ?? apiError?.fieldError('date')}
        />
        <Radio.Group
          label={t('addSession.kind')}
          value={form.kind}
          onChange={(value) => set('kind', value as NewSession['kind'])}
          error={apiError?.fieldError('kind')}
        >
          <Stack gap={6} mt={4}>
            <Radio value="doing" label={t('addSession.doing')} />
            <Radio value="steering" label={t('addSession.steering')} />
          </Stack>
        </Radio.Group>
        <NativeSelect
          label={t('addSession.repeat')}
          value={form.repeat}
          onChange={(event) => set('repeat', event.currentTarget.value as NewSession['repeat'])}
          data={repeats.map((value) => ({ value, label: t(`repeat.${value}`) }))}
          error={apiError?.fieldError('repeat')}
        />
        <Checkbox
          label={t('addSession.sendInvitation')}
          description={t('addSession.sendInvitationHint')}
          checked={form.sendInvitation}
          onChange={(event) => set('sendInvitation', event.currentTarget.checked)}
        />
        <Checkbox
          label={t('addSession.sendReminder')}
          description={t('addSession.sendReminderHint')}
          checked={form.sendReminder}
          onChange={(event) => set('sendReminder', event.currentTarget.checked)}
        />
        <Checkbox
          label={t('addSession.sendEscalation')}
          description={t('addSession.sendEscalationHint')}
          checked={form.sendEscalation ?? form.kind === 'steering'}
          onChange={(event) => set('sendEscalation', event.currentTarget.checked)}
        />
        <FormError error={create.error} fields={fields} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
