// Create a team: anyone signed in may; they become its administrator and process owner and go on
// to its Members page to invite the others.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormError } from '../components/query-state';
import type { Language } from '../i18n/i18n';
import { TeamFields, teamFields, type TeamValues } from '../teams/team-fields';
import { useCreateTeam } from '../teams/team-mutations';

export function CreateTeamPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTeam();
  const [values, setValues] = useState<TeamValues>(() => ({
    name: '',
    // The creator's own zone and language are the likeliest right answers.
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    locale: i18n.language as Language,
    sendHour: 9,
  }));
  const [nameMissing, setNameMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNameMissing(!values.name.trim());
    if (!values.name.trim()) return;
    create.mutate(values, { onSuccess: (team) => void navigate(`/teams/${team.id}/members`) });
  };
  return (
    <Stack maw={560}>
      <Title order={1}>{t('createTeam.title')}</Title>
      <Text>{t('createTeam.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TeamFields values={values} onChange={setValues} error={create.error} nameMissing={nameMissing} />
          <FormError error={create.error} fields={teamFields} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('createTeam.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
