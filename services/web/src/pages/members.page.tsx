// Members and roles: the team's members (administrators change roles and remove), the pending
// invitations (administrators), and leaving the team (anyone; not the last administrator).
import { Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../api/queries';
import { useMembers } from '../api/team-queries';
import { ConfirmButton } from '../components/confirm-button';
import { QueryState } from '../components/query-state';
import { TeamPage } from '../components/team-page';
import { InvitationsSection } from '../teams/invitations-section';
import { lastAdministrator, MemberTable } from '../teams/member-table';
import { useLeaveTeam } from '../teams/team-mutations';

export function MembersPage() {
  const { t } = useTranslation();
  return (
    <TeamPage title={t('members.title')} readOnlyNote={t('members.readOnly')}>
      {({ teamId, team, canAdminister }) => (
        <>
          <MembersList teamId={teamId} canAdminister={canAdminister} />
          {canAdminister && <InvitationsSection teamId={teamId} timeZone={team.timeZone} />}
          <LeaveTeam teamId={teamId} teamName={team.name} />
        </>
      )}
    </TeamPage>
  );
}

function MembersList({ teamId, canAdminister }: { teamId: string; canAdminister: boolean }) {
  const members = useMembers(teamId);
  const myId = useMe().data?.user.id;
  return (
    <QueryState query={members}>
      {({ members: list }) => (
        <MemberTable teamId={teamId} members={list} myId={myId} canAdminister={canAdminister} />
      )}
    </QueryState>
  );
}

function LeaveTeam({ teamId, teamName }: { teamId: string; teamName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const leave = useLeaveTeam(teamId);
  return (
    <Stack gap="xs" mt="lg">
      <Group>
        <ConfirmButton
          size="sm"
          label={t('members.leave')}
          title={t('members.leaveTitle', { team: teamName })}
          explain={t('members.leaveExplain')}
          keepLabel={t('members.keep')}
          confirmLabel={t('members.leaveConfirm')}
          mutation={leave}
          problem={lastAdministrator(t('members.lastAdministrator'))}
          onConfirm={() => leave.mutate(undefined, { onSuccess: () => void navigate('/') })}
        />
      </Group>
    </Stack>
  );
}
