// My profile: the caller's name, the language of their emails and their time zone; the last two
// may be left to each team's own. Everyone edits their own profile.
import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { ApiError } from '../api/problem';
import { useMe } from '../api/queries';
import { FormError, QueryState } from '../components/query-state';
import { TimeZoneSelect } from '../components/time-zone-select';
import { languages } from '../i18n/i18n';
import { languageNames } from '../teams/team-fields';
import { useUpdateProfile } from '../teams/team-mutations';

type Profile = Schemas['Profile'];

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack maw={560}>
      <Title order={1}>{t('profile.title')}</Title>
      <QueryState query={me}>{({ user }) => <ProfileForm user={user} />}</QueryState>
    </Stack>
  );
}

function ProfileForm({ user }: { user: Profile }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [name, setName] = useState(user.name);
  // '' in the selects stands for null: the team's own language or zone.
  const [locale, setLocale] = useState<string>(user.locale ?? '');
  const [timeZone, setTimeZone] = useState(user.timeZone ?? '');
  const [missing, setMissing] = useState(false);
  const apiError = update.error instanceof ApiError ? update.error : null;
  const changes: Schemas['ProfileChanges'] = {
    ...(name.trim() !== user.name ? { name: name.trim() } : {}),
    ...(locale !== (user.locale ?? '') ? { locale: (locale || null) as Profile['locale'] } : {}),
    ...(timeZone !== (user.timeZone ?? '') ? { timeZone: timeZone || null } : {}),
  };
  const changed = Object.keys(changes).length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!name.trim());
    if (name.trim() && changed) update.mutate(changes);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('profile.name')}
          required
          maxLength={255}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={(missing && t('teamForm.nameRequired')) || apiError?.fieldError('name')}
        />
        <TextInput label={t('profile.email')} value={user.email ?? ''} readOnly variant="filled" />
        <NativeSelect
          label={t('profile.locale')}
          value={locale}
          onChange={(event) => setLocale(event.currentTarget.value)}
          data={[
            { value: '', label: t('profile.teamDefault') },
            ...languages.map((language) => ({ value: language, label: languageNames[language] })),
          ]}
        />
        <TimeZoneSelect
          label={t('profile.timeZone')}
          emptyLabel={t('profile.teamDefault')}
          value={timeZone}
          onChange={setTimeZone}
          error={apiError?.fieldError('timeZone')}
        />
        <FormError error={update.error} fields={['name', 'timeZone']} />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!changed}>
            {t('common.save')}
          </Button>
          {update.isSuccess && !changed && (
            <Text size="sm" role="status">
              {t('profile.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
