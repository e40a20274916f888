// On My overview, per team: a notice when the caller paused Rhythm's emails there (the one-click
// link in each email), with a button to receive them again.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ok } from '../api/client';
import { keys, useMe } from '../api/queries';
import { useApi } from '../auth/auth-context';
import { ErrorMessage } from '../components/query-state';

export function PausedEmails({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const paused = useMe().data?.teams.find((team) => team.id === teamId)?.emailsPaused ?? false;
  const resume = useResumeEmails(teamId);
  if (!paused) return null;
  return (
    <Alert color="yellow" title={t('paused.title')}>
      <Text size="sm">{t('paused.explain')}</Text>
      <Group mt="xs">
        <Button size="xs" variant="light" loading={resume.isPending} onClick={() => resume.mutate()}>
          {t('paused.resume')}
        </Button>
      </Group>
      {resume.isError && <ErrorMessage error={resume.error} />}
    </Alert>
  );
}

function useResumeEmails(teamId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.DELETE('/api/me/email-pauses/{teamId}', { params: { path: { teamId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.me }),
  });
}
