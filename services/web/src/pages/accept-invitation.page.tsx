// The invitation email's link lands here (/invitations/accept?token=…), behind sign-in: a visitor
// signs in first and comes back (?next=). Joining takes a click, so nobody joins a team by merely
// opening a link, and the API's refusals are said in plain words.
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/problem';
import { useMe } from '../api/queries';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/query-state';
import { useAcceptInvitation } from '../teams/team-mutations';

const problems = { 403: 'wrongAddress', 404: 'unknown', 409: 'used', 410: 'gone' } as const;

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const accept = useAcceptInvitation();
  const email = useMe().data?.user.email;
  return (
    <Stack maw={640}>
      <Title order={1}>{t('accept.title')}</Title>
      {!token ? (
        <Alert color="red" role="alert">
          {t('accept.noToken')}
        </Alert>
      ) : accept.isSuccess ? (
        <Alert color="green" role="status" title={t('accept.joined', { team: accept.data.team.name })}>
          <Button component={Link} to={`/teams/${accept.data.team.id}/plan`} variant="light" size="xs">
            {t('accept.openTeam')}
          </Button>
        </Alert>
      ) : (
        <>
          <Text>{t('accept.intro')}</Text>
          {email && <Text size="sm">{t('accept.signedInAs', { email })}</Text>}
          {accept.error && <AcceptProblem error={accept.error} />}
          <Group>
            <Button loading={accept.isPending} onClick={() => accept.mutate(token)}>
              {t('accept.submit')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function AcceptProblem({ error }: { error: Error }) {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const status = error instanceof ApiError ? error.status : null;
  const problem = status !== null && status in problems ? problems[status as keyof typeof problems] : null;
  if (!problem) return <ErrorMessage error={error} />;
  return (
    <Alert color="red" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t(`accept.problems.${problem}`)}</Text>
        {/* Signing out lands on sign-in with ?next= back to this link. */}
        {problem === 'wrongAddress' && (
          <Button size="xs" variant="light" color="red" onClick={signOut}>
            {t('accept.signOut')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
