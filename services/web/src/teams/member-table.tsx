// The team's members with their roles. Administrators change a member's roles and remove members;
// everyone else reads the same table.
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../api/team-queries';
import { ApiError } from '../api/problem';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorMessage } from '../components/query-state';
import { RoleBadges } from '../components/role-badges';
import { RolesPicker } from './roles-picker';
import { useChangeRoles, useRemoveMember, type Role } from './team-mutations';

interface Props {
  teamId: string;
  members: Member[];
  myId: string | undefined;
  canAdminister: boolean;
}

export function MemberTable({ teamId, members, myId, canAdminister }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('members.name')}</Table.Th>
            <Table.Th>{t('members.email')}</Table.Th>
            <Table.Th>{t('members.roles')}</Table.Th>
            {canAdminister && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.userId}>
              <Table.Td>
                {member.name}{' '}
                {member.userId === myId && (
                  <Text span c="dimmed" size="sm">
                    {t('members.you')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {member.email ?? (
                  <Text span c="dimmed" size="sm">
                    {t('members.noEmail')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {canAdminister ? (
                  <MemberRoles teamId={teamId} member={member} />
                ) : (
                  <RoleBadges roles={member.roles} />
                )}
              </Table.Td>
              {canAdminister && (
                <Table.Td>
                  {member.userId !== myId && <RemoveMember teamId={teamId} member={member} />}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MemberRoles({ teamId, member }: { teamId: string; member: Member }) {
  const { t } = useTranslation();
  const change = useChangeRoles(teamId);
  const [roles, setRoles] = useState<Role[]>(member.roles);
  const changed = roles.join() !== member.roles.join();
  return (
    <Stack gap={4}>
      <Group gap="sm" wrap="nowrap">
        <RolesPicker
          hideLabel
          label={t('members.rolesOf', { name: member.name })}
          value={roles}
          onChange={setRoles}
          error={roles.length === 0 ? t('members.rolesRequired') : undefined}
        />
        {changed && (
          <Button
            size="xs"
            variant="light"
            loading={change.isPending}
            disabled={roles.length === 0}
            onClick={() => change.mutate({ userId: member.userId, roles })}
          >
            {t('members.saveRoles')}
          </Button>
        )}
      </Group>
      {change.error && <MemberProblem error={change.error} />}
    </Stack>
  );
}

function RemoveMember({ teamId, member }: { teamId: string; member: Member }) {
  const { t } = useTranslation();
  const remove = useRemoveMember(teamId);
  return (
    <ConfirmButton
      label={t('members.remove')}
      ariaLabel={t('members.removeOf', { name: member.name })}
      title={t('members.removeTitle', { name: member.name })}
      explain={t('members.removeExplain')}
      keepLabel={t('members.keep')}
      confirmLabel={t('members.remove')}
      mutation={remove}
      problem={lastAdministrator(t('members.lastAdministrator'))}
      onConfirm={(done) => remove.mutate(member.userId, { onSuccess: done })}
    />
  );
}

/** The API's 409 on a member change means the team would be left without an administrator. */
export const lastAdministrator = (words: string) => (error: Error) =>
  error instanceof ApiError && error.status === 409 ? words : null;

function MemberProblem({ error }: { error: Error }) {
  const { t } = useTranslation();
  const worded = lastAdministrator(t('members.lastAdministrator'))(error);
  return worded ? (
    <Text size="sm" c="red" role="alert">
      {worded}
    </Text>
  ) : (
    <ErrorMessage error={error} />
  );
}
