// Sign-in. Where the API signs browsers in itself: an emailed link, and the organisation's OpenID
// Connect provider when configured (sign-in-methods.tsx). In development the API also lists its
// users and hands out tokens by email (the dev token endpoint), so you pick a seeded person. Where
// the API only trusts an identity provider's tokens, you paste one (README: "Signing in"); the app
// checks it against /api/me first.
import { Alert, Button, Card, Container, Divider, PasswordInput, Stack, Text, Title } from '@mantine/core';
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
import { EmailLinkForm, OidcButton, useSignInMethods } from './sign-in-methods';

export function SignInPage() {
  const { t } = useTranslation();
  const devUsers = useDevUsers();
  const methods = useSignInMethods();
  const [params] = useSearchParams();
  const failed = params.get('error');
  const pending = devUsers.isPending || methods.isPending;
  return (
    <Container size="xs" py="xl">
      <Stack>
        <Title order={1}>{t('signIn.title')}</Title>
        <Text c="dimmed">{t('signIn.intro')}</Text>
        {failed && (
          <Alert color="red" role="alert" title={t('signIn.providerFailed')}>
            {t(`signIn.providerErrors.${providerError(failed)}`)}
          </Alert>
        )}
        {pending && <Loading />}
        {devUsers.isError && <ErrorMessage error={devUsers.error} onRetry={() => void devUsers.refetch()} />}
        {methods.data?.oidc && (
          <OidcButton {...methods.data.oidc} next={sameOriginPath(params.get('next'))} />
        )}
        {methods.data?.emailLink && <EmailLinkForm next={sameOriginPath(params.get('next'))} />}
        {devUsers.data && <DevUsers users={devUsers.data.users} />}
        {!pending && !methods.data && (
          <>
            {devUsers.data && <Divider label={t('signIn.or')} />}
            <TokenForm />
          </>
        )}
      </Stack>
    </Container>
  );
}

/** The reasons the API's OpenID Connect callback gives in `?error=` (anything else: failed). */
const PROVIDER_ERRORS = ['oidc_failed', 'oidc_expired', 'oidc_unverified_email', 'oidc_unavailable'] as const;
const providerError = (reason: string) => PROVIDER_ERRORS.find((known) => known === reason) ?? 'oidc_failed';

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
