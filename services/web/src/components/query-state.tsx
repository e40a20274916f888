// Every request shows that it is loading, and every failure says what went wrong: never a blank
// page. Pages wrap their data in <QueryState> and render only once it is there.
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const title =
    apiError?.status === null
      ? t('errors.unreachable')
      : apiError?.status === 403
        ? t('errors.forbidden')
        : apiError?.status === 404
          ? t('errors.notFound')
          : (apiError?.title ?? t('errors.unexpected'));
  return (
    <Alert color="red" title={title} role="alert">
      <Stack gap="xs">
        {apiError?.detail && apiError.status !== null && <Text size="sm">{apiError.detail}</Text>}
        {apiError?.errors.map((fieldError) => (
          <Text size="sm" key={fieldError.field}>
            {fieldError.field}: {fieldError.message}
          </Text>
        ))}
        {!apiError && <Text size="sm">{String(error)}</Text>}
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export function QueryState<T>({
  query,
  children,
  loadingLabel,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}) {
  if (query.isPending) return <Loading {...(loadingLabel ? { label: loadingLabel } : {})} />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
