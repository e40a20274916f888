// The two ways to sign in outside development: an emailed link (asked for here, followed in
// sign-in-link.page.tsx), and the organisation's OpenID Connect provider when the API has one (a
// plain link: the browser leaves for the provider and comes back through the API to /signed-in).
import { Alert, Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ok } from '../api/client';
import { useApi } from '../auth/auth-context';
import { ErrorMessage } from '../components/query-state';

/** The ways this API offers; null where it has none of its own (tokens from an identity provider). */
export function useSignInMethods() {
  const api = useApi();
  return useQuery({
    queryKey: ['sign-in-methods'],
    queryFn: async () => (await api.GET('/api/auth/methods')).data ?? null,
    retry: false,
    staleTime: Infinity,
  });
}

/**
 * Where to go once the emailed link is followed. The link opens a new page (often a new tab), so
 * the page asked for (an invitation's, say) waits in this browser's storage, as the link itself
 * works only in this browser.
 */
const NEXT_KEY = 'rhythm.afterSignIn';
export const rememberNext = (next: string) => localStorage.setItem(NEXT_KEY, next);
export function takeNext(): string {
  const next = localStorage.getItem(NEXT_KEY) ?? '/';
  localStorage.removeItem(NEXT_KEY);
  return next;
}

export function EmailLinkForm({ next }: { next: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    onMutate: () => rememberNext(next),
    mutationFn: (address: string) =>
      ok(
        api.POST('/api/auth/email-link', {
          body: { email: address, locale: i18n.language === 'nl' ? 'nl' : 'en' },
        }),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) return setError(t('signIn.emailRequired'));
    mutation.mutate(email.trim());
  };
  if (mutation.isSuccess)
    return (
      <Alert role="status" title={t('signIn.linkSentTitle')}>
        {t('signIn.linkSent', { email: mutation.variables })}
      </Alert>
    );
  return (
    <Card withBorder component="section" aria-labelledby="email-link-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="email-link-title">
            {t('signIn.emailTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('signIn.emailHint')}
          </Text>
          <TextInput
            type="email"
            label={t('signIn.emailLabel')}
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={error}
            autoComplete="email"
          />
          <Button type="submit" loading={mutation.isPending}>
            {t('signIn.sendLink')}
          </Button>
          {mutation.isError && <ErrorMessage error={mutation.error} />}
        </Stack>
      </form>
    </Card>
  );
}

export function OidcButton({ name, startUrl, next }: { name: string; startUrl: string; next: string }) {
  const { t } = useTranslation();
  return (
    <Button component="a" variant="default" href={`${startUrl}?next=${encodeURIComponent(next)}`}>
      {t('signIn.withProvider', { name })}
    </Button>
  );
}
