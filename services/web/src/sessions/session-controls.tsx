// Changing an upcoming session (organisers only): move it, switch its invitation and reminder, or
// cancel it. Each change goes to the API, which signals the session's workflow.
import { Button, Group, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { ApiError } from '../api/problem';
import { CancelDialog } from '../components/cancel-dialog';
import { ErrorMessage, FormError } from '../components/query-state';
import { todayIn } from '../i18n/format';
import { useCancelSession, useUpdateSession } from './session-mutations';

type Session = Schemas['Session'];

interface Props {
  session: Session;
  timeZone: string;
  /** After a move or a cancellation, which redraw or remove the control that had focus. */
  onChanged(): void;
}

export function SessionControls({ session, timeZone, onChanged }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby={`change-${session.id}`}>
      <Title order={3} size="h5" id={`change-${session.id}`}>
        {t('controls.title')}
      </Title>
      <MoveForm
        key={`${session.id}-${session.date}`}
        session={session}
        timeZone={timeZone}
        onMoved={onChanged}
      />
      <NotificationSwitches session={session} />
      <CancelButton session={session} onCancelled={onChanged} />
    </Stack>
  );
}

function MoveForm({ session, timeZone, onMoved }: { session: Session; timeZone: string; onMoved(): void }) {
  const { t } = useTranslation();
  const update = useUpdateSession(session.teamId, session.id);
  const [date, setDate] = useState(session.date);
  const apiError = update.error instanceof ApiError ? update.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (date && date !== session.date) update.mutate({ date }, { onSuccess: onMoved });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('controls.date')}
          min={todayIn(timeZone)}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          error={apiError?.fieldError('date')}
        />
        <Button
          type="submit"
          variant="light"
          loading={update.isPending}
          disabled={!date || date === session.date}
        >
          {t('controls.move')}
        </Button>
      </Group>
      <FormError error={update.error} fields={['date']} />
    </form>
  );
}

function NotificationSwitches({ session }: { session: Session }) {
  const { t } = useTranslation();
  const update = useUpdateSession(session.teamId, session.id);
  const pending = update.isPending ? update.variables : undefined;
  return (
    <Stack gap="xs">
      <Switch
        label={t('controls.sendInvitation')}
        checked={pending?.sendInvitation ?? session.sendInvitation}
        disabled={update.isPending}
        onChange={(event) => update.mutate({ sendInvitation: event.currentTarget.checked })}
      />
      <Switch
        label={t('controls.sendReminder')}
        checked={pending?.sendReminder ?? session.sendReminder}
        disabled={update.isPending}
        onChange={(event) => update.mutate({ sendReminder: event.currentTarget.checked })}
      />
      <Switch
        label={t('controls.sendEscalation')}
        checked={pending?.sendEscalation ?? session.sendEscalation}
        disabled={update.isPending}
        onChange={(event) => update.mutate({ sendEscalation: event.currentTarget.checked })}
      />
      {update.isError && <ErrorMessage error={update.error} />}
    </Stack>
  );
}

function CancelButton({ session, onCancelled }: { session: Session; onCancelled(): void }) {
  const cancel = useCancelSession(session.teamId, session.id);
  return <CancelDialog texts="controls" cancel={cancel} onCancelled={onCancelled} />;
}
