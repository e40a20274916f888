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

const statusTitles: Record<
  number,
  `errors.${'badRequest' | 'unauthorized' | 'forbidden' | 'notFound' | 'conflict' | 'invalid' | 'tooMany' | 'unavailable'}`
> = {
  400: 'errors.badRequest',
  401: 'errors.unauthorized',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  409: 'errors.conflict',
  422: 'errors.invalid',
  429: 'errors.tooMany',
  502: 'errors.unavailable',
  503: 'errors.unavailable',
  504: 'errors.unavailable',
};

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  // The title in the page's language by status; the API's own detail (in English) goes below it.
  const status = apiError?.status;
  const title =
    status === null
      ? t('errors.unreachable')
      : status !== undefined && status in statusTitles
        ? t(statusTitles[status]!)
        : t('errors.unexpected');
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

/**
 * A form's failure: nothing when every problem is a field error the form shows at one of its
 * `fields`; otherwise the message (a 409, a 503, a network failure, or a field the form lacks).
 */
export function FormError({ error, fields }: { error: unknown; fields: readonly string[] }) {
  if (!error) return null;
  const shownAtFields =
    error instanceof ApiError &&
    error.status === 422 &&
    error.errors.length > 0 &&
    error.otherErrors(fields).length === 0;
  return shownAtFields ? null : <ErrorMessage error={error} />;
}
