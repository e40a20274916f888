// Where the organisation's provider sends the browser back, through the API (/signed-in?next=…):
// the API has set the refresh cookie; the app trades it for its access token and goes on.
import { Container } from '@mantine/core';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { Loading } from '../components/query-state';
import { sameOriginPath } from './sign-in.page';

export function SignedInPage() {
  const { restore } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = sameOriginPath(params.get('next'));
  useEffect(() => {
    void restore().then((signedIn) =>
      navigate(signedIn ? next : '/sign-in?error=oidc_failed', { replace: true }),
    );
  }, [navigate, next, restore]);
  return (
    <Container size="xs" py="xl">
      <Loading />
    </Container>
  );
}
