// Sign-in. In development the API lists its users and hands out tokens by email (the dev token
// endpoint), so you pick a seeded person. Elsewhere you paste a bearer token from the identity
// provider that the API trusts (README: "Signing in"); the app checks it against /api/me first.
import { Button, Card, Container, Divider, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ok, type Schemas } from '../api/client';
import { useDevUsers } from '../api/dev-queries';
import { ApiError } from '../api/problem';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage, Loading } from '../components/query-state';
import { RoleBadges } from '../components/role-badges';

export function SignInPage() {
  const { t } = useTranslation();
  const devUsers = useDevUsers();
  return (
    <Container size="xs" py="xl">
      <Stack>
        <Title order={1}>{t('signIn.title')}</Title>
        <Text c="dimmed">{t('signIn.intro')}</Text>
        {devUsers.isPending && <Loading />}
        {devUsers.isError && <ErrorMessage error={devUsers.error} onRetry={() => void devUsers.refetch()} />}
        {devUsers.data && <DevUsers users={devUsers.data.users} />}
        {!devUsers.isPending && (
          <>
            {devUsers.data && <Divider label={t('signIn.or')} />}
            <TokenForm />
          </>
        )}
      </Stack>
    </Container>
  );
}

function useFinishSignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  // Only paths of this app: an open redirect through ?next= would be a phishing aid.
  return () => void navigate(sameOriginPath(next), { replace: true });
}

type DevUser = Schemas['DevUsers']['users'][number];

function DevUsers({ users }: { users: DevUser[] }) {
  const { t } = useTranslation();
  const { api, signIn } = useAuth();
  const finish = useFinishSignIn();
  const mutation = useMutation({
    mutationFn: (email: string) => ok(api.POST('/api/dev/token', { body: { email } })),
    onSuccess: ({ token, expiresAt, user }) => {
      signIn({ token, expiresAt, user });
      finish();
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="dev-users-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="dev-users-title">
          {t('signIn.devTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('signIn.devHint')}
        </Text>
        {mutation.isError && <ErrorMessage error={mutation.error} />}
        {users.map((user) => (
          <Button
            key={user.id}
            variant="light"
            justify="space-between"
            h="auto"
            py="xs"
            loading={mutation.isPending && mutation.variables === user.email}
            disabled={mutation.isPending}
            onClick={() => mutation.mutate(user.email)}
            aria-label={t('signIn.as', { name: user.name })}
            rightSection={<RoleBadges roles={user.teams.flatMap((team) => team.roles)} />}
          >
            {user.name}
          </Button>
        ))}
      </Stack>
    </Card>
  );
}

function TokenForm() {
  const { t } = useTranslation();
  const { apiWithToken, signIn } = useAuth();
  const finish = useFinishSignIn();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The token is checked with its own client and kept only once the API accepts it.
  const mutation = useMutation({
    mutationFn: (value: string) => ok(apiWithToken(value).GET('/api/me')),
    onSuccess: ({ user }, value) => {
      signIn({ token: value, expiresAt: null, user });
      finish();
    },
    onError: (cause) =>
      setError(cause instanceof ApiError && cause.status === 401 ? t('signIn.tokenRefused') : null),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!token.trim()) return setError(t('signIn.tokenRequired'));
    mutation.mutate(token.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordInput
          label={t('signIn.tokenLabel')}
          description={t('signIn.tokenHint')}
          value={token}
          onChange={(event) => setToken(event.currentTarget.value)}
          error={error}
          autoComplete="off"
          visibilityToggleFocusable
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.showToken') }}
        />
        <Button type="submit" loading={mutation.isPending}>
          {t('signIn.submit')}
        </Button>
        {mutation.isError && error === null && <ErrorMessage error={mutation.error} />}
      </Stack>
    </form>
  );
}

/**
 * `?next=` only ever leads to a page of this app: anything that resolves to another origin
 * (`//evil.example`, `/\\evil.example`, `https://…`) is replaced by My overview.
 */
export function sameOriginPath(next: string | null): string {
  if (!next) return '/';
  const url = new URL(next, window.location.origin);
  return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : '/';
}
