// Team settings: name, time zone, send hour and the emails' language. Administrators change them
// and are told, before saving, what a new zone or hour does to the sessions already scheduled.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { FormError } from '../components/query-state';
import { TeamPage } from '../components/team-page';
import { TeamFacts, TeamFields, teamFields, type TeamValues } from '../teams/team-fields';
import { useUpdateTeam } from '../teams/team-mutations';

export function TeamSettingsPage() {
  const { t } = useTranslation();
  return (
    <TeamPage title={t('settings.title')} readOnlyNote={t('settings.readOnly')}>
      {({ team, canAdminister }) =>
        canAdminister ? <SettingsForm team={team} /> : <TeamFacts team={team} />
      }
    </TeamPage>
  );
}

function SettingsForm({ team }: { team: Schemas['Team'] }) {
  const { t } = useTranslation();
  const update = useUpdateTeam(team.id);
  const saved: TeamValues = {
    name: team.name,
    timeZone: team.timeZone,
    locale: team.locale,
    sendHour: team.sendHour,
  };
  const [values, setValues] = useState(saved);
  const [nameMissing, setNameMissing] = useState(false);
  // Only what changed is sent: the API hands a new zone or hour to the sessions, nothing else.
  const changes = Object.fromEntries(
    teamFields.filter((field) => values[field] !== saved[field]).map((field) => [field, values[field]]),
  ) as Partial<TeamValues>;
  const moves = changes.timeZone !== undefined || changes.sendHour !== undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNameMissing(!values.name.trim());
    if (values.name.trim() && Object.keys(changes).length > 0) update.mutate(changes);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={560}>
        <TeamFields values={values} onChange={setValues} error={update.error} nameMissing={nameMissing} />
        {(moves || changes.locale) && (
          <Alert color="yellow">
            <Stack gap={4}>
              {moves && <Text size="sm">{t('settings.effect')}</Text>}
              {changes.locale && <Text size="sm">{t('settings.localeEffect')}</Text>}
            </Stack>
          </Alert>
        )}
        <FormError error={update.error} fields={teamFields} />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={Object.keys(changes).length === 0}>
            {t('common.save')}
          </Button>
          {update.isSuccess && Object.keys(changes).length === 0 && (
            <Text size="sm" role="status">
              {t('settings.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
