// The frame of a team's pages (plan, members, settings): the page's title, the team's name, and
// whether the caller administers the team. Controls that change anything are for administrators;
// everyone else sees the same page read-only, told so once at the top.
import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { Schemas } from '../api/client';
import { useTeam, useTeamRoles } from '../api/queries';
import { ErrorMessage, Loading, QueryState } from './query-state';

interface Props {
  title: string;
  readOnlyNote: string;
  children: (page: { teamId: string; team: Schemas['Team']; canAdminister: boolean }) => ReactNode;
}

export function TeamPage({ title, readOnlyNote, children }: Props) {
  const { teamId = '' } = useParams();
  const team = useTeam(teamId);
  const roles = useTeamRoles(teamId);
  return (
    <Stack>
      <Title order={1}>{title}</Title>
      {roles.error && <ErrorMessage error={roles.error} onRetry={roles.retry} />}
      <QueryState query={team}>
        {(data) =>
          // Wait for the roles: a page must not offer controls it then takes away.
          !roles.known && !roles.error ? (
            <Loading />
          ) : (
            <>
              <Text c="dimmed">{data.name}</Text>
              {!roles.canAdminister && <Text size="sm">{readOnlyNote}</Text>}
              {children({ teamId, team: data, canAdminister: roles.canAdminister })}
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
