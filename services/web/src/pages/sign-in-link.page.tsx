// Where the sign-in email's link lands (/sign-in/link?token=…): the API signs this browser in if it
// is the one that asked, once, within the link's minutes; otherwise it says why, in plain words,
// with the way back to ask for a new link.
import { Alert, Anchor, Container, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ok } from '../api/client';
import { ApiError } from '../api/problem';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage, Loading } from '../components/query-state';
import { sameOriginPath } from './sign-in.page';
import { takeNext } from './sign-in-methods';

export function SignInLinkPage() {
  const { t } = useTranslation();
  const { api, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { mutate, isError, error } = useMutation({
    mutationFn: () => ok(api.POST('/api/auth/email-link/verify', { body: { token } })),
    onSuccess: ({ token: access, expiresAt, user }) => {
      signIn({ token: access, expiresAt, user });
      // Only a path of this app (sameOriginPath), whatever the storage holds.
      void navigate(sameOriginPath(takeNext()), { replace: true });
    },
  });
  // Once per page: the link works once, and a second try would only answer 410.
  useEffect(() => mutate(), [mutate]);
  const status = error instanceof ApiError ? error.status : null;
  return (
    <Container size="xs" py="xl">
      <Stack>
        <Title order={1}>{t('signIn.title')}</Title>
        {!isError && <Loading />}
        {isError && (status === 403 || status === 410) ? (
          <Alert color="red" role="alert" title={t('signIn.linkRefused')}>
            {t(status === 403 ? 'signIn.otherBrowser' : 'signIn.linkSpent')}
          </Alert>
        ) : (
          isError && <ErrorMessage error={error} />
        )}
        {isError && (
          <Anchor component={Link} to="/sign-in">
            {t('signIn.askAgain')}
          </Anchor>
        )}
      </Stack>
    </Container>
  );
}
