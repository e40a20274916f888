// "Send failed emails again": shown to organisers while an upcoming session has emails the
// provider refused. The workflow sends each again under its first key, so nothing delivered goes
// out twice; the timeline refreshes with the outcome.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/query-state';
import { useRetryFailed } from './session-mutations';

export function RetryFailed({
  teamId,
  sessionId,
  failed,
}: {
  teamId: string;
  sessionId: string;
  failed: number;
}) {
  const { t } = useTranslation();
  const retry = useRetryFailed(teamId, sessionId);
  return (
    <Alert color="red" title={t('retry.title', { count: failed })}>
      <Text size="sm">{t('retry.explain')}</Text>
      <Group mt="xs" gap="sm">
        <Button
          size="xs"
          color="red"
          variant="light"
          loading={retry.isPending}
          onClick={() => retry.mutate()}
        >
          {t('retry.button')}
        </Button>
        {retry.isSuccess && <Text size="sm">{t('retry.asked', { count: retry.data.failed })}</Text>}
      </Group>
      {retry.error && <ErrorMessage error={retry.error} />}
    </Alert>
  );
}
