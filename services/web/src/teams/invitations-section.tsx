// Invitations (administrators only, as the API allows): invite an address with roles, and the
// pending ones with their expiry, to send again (a new link) or revoke.
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { useInvitations, type Invitation } from '../api/team-queries';
import { ErrorMessage, FormError, QueryState } from '../components/query-state';
import { RoleBadges } from '../components/role-badges';
import { formatInstant } from '../i18n/format';
import { RolesPicker } from './roles-picker';
import { useInvite, useResendInvitation, useRevokeInvitation, type Role } from './team-mutations';

export function InvitationsSection({ teamId, timeZone }: { teamId: string; timeZone: string }) {
  const { t } = useTranslation();
  const invitations = useInvitations(teamId, true);
  return (
    <Stack gap="sm" component="section" aria-labelledby="invitations">
      <Title order={2} size="h3" id="invitations">
        {t('invitations.title')}
      </Title>
      <InviteForm teamId={teamId} />
      <QueryState query={invitations}>
        {({ invitations: list }) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('invitations.none')}</Text>
          ) : (
            <Stack gap="xs">
              {list.map((invitation) => (
                <InvitationRow
                  key={invitation.id}
                  teamId={teamId}
                  invitation={invitation}
                  timeZone={timeZone}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function InviteForm({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const invite = useInvite(teamId);
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['member']);
  const [missing, setMissing] = useState(false);
  const apiError = invite.error instanceof ApiError ? invite.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!email.trim());
    if (!email.trim() || roles.length === 0) return;
    invite.mutate({ email: email.trim(), roles }, { onSuccess: () => setEmail('') });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('invitations.invite')}>
      <Stack gap="sm" maw={560}>
        <TextInput
          type="email"
          label={t('invitations.email')}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={(missing && t('invitations.emailRequired')) || apiError?.fieldError('email')}
        />
        <RolesPicker
          label={t('invitations.roles')}
          value={roles}
          onChange={setRoles}
          error={roles.length === 0 ? t('members.rolesRequired') : undefined}
        />
        {apiError?.status === 409 ? (
          <Text size="sm" c="red" role="alert">
            {t('invitations.alreadyMember')}
          </Text>
        ) : (
          <FormError error={invite.error} fields={['email', 'roles']} />
        )}
        <Group>
          <Button type="submit" loading={invite.isPending}>
            {t('invitations.send')}
          </Button>
          {invite.isSuccess && (
            <Text size="sm" role="status">
              {t('invitations.sent', { email: invite.data.email })}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function InvitationRow({
  teamId,
  invitation,
  timeZone,
}: {
  teamId: string;
  invitation: Invitation;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const resend = useResendInvitation(teamId);
  const revoke = useRevokeInvitation(teamId);
  const { email } = invitation;
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" gap="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{email}</Text>
            <RoleBadges roles={invitation.roles} />
          </Group>
          {invitation.state === 'expired' ? (
            <Badge color="gray">{t('invitations.expired')}</Badge>
          ) : (
            <Text size="sm" c="dimmed">
              {t('invitations.expires', { at: formatInstant(invitation.expiresAt, i18n.language, timeZone) })}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            loading={resend.isPending}
            aria-label={t('invitations.resendTo', { email })}
            onClick={() => resend.mutate(invitation.id)}
          >
            {t('invitations.resend')}
          </Button>
          <Button
            size="xs"
            color="red"
            variant="subtle"
            loading={revoke.isPending}
            aria-label={t('invitations.revokeTo', { email })}
            onClick={() => revoke.mutate(invitation.id)}
          >
            {t('invitations.revoke')}
          </Button>
        </Group>
      </Group>
      {(resend.error ?? revoke.error) && <ErrorMessage error={resend.error ?? revoke.error} />}
    </Paper>
  );
}
