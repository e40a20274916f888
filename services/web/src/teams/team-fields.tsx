// A team's settings as form fields, shared by Create a team and Team settings; and the same
// settings as read-only text for members who are not administrators.
import { NativeSelect, Stack, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { ApiError } from '../api/problem';
import { TimeZoneSelect } from '../components/time-zone-select';
import { languages } from '../i18n/i18n';

export type TeamValues = Required<Schemas['NewTeam']>;
export const teamFields = ['name', 'timeZone', 'locale', 'sendHour'] as const;

const hours = Array.from({ length: 24 }, (_, hour) => hour);
export const languageNames: Record<TeamValues['locale'], string> = { en: 'English', nl: 'Nederlands' };

interface Props {
  values: TeamValues;
  onChange(values: TeamValues): void;
  error: unknown;
  /** Shown at the name when the form was sent without one. */
  nameMissing: boolean;
}

export function TeamFields({ values, onChange, error, nameMissing }: Props) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const set = <K extends keyof TeamValues>(key: K, value: TeamValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <Stack gap="sm">
      <TextInput
        label={t('teamForm.name')}
        required
        value={values.name}
        maxLength={255}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={(nameMissing && t('teamForm.nameRequired')) || apiError?.fieldError('name')}
      />
      <TimeZoneSelect
        label={t('teamForm.timeZone')}
        description={t('teamForm.timeZoneHint')}
        value={values.timeZone}
        onChange={(zone) => set('timeZone', zone)}
        error={apiError?.fieldError('timeZone')}
      />
      <NativeSelect
        label={t('teamForm.sendHour')}
        description={t('teamForm.sendHourHint')}
        value={String(values.sendHour)}
        onChange={(event) => set('sendHour', Number(event.currentTarget.value))}
        data={hours.map((hour) => ({ value: String(hour), label: t('teamForm.hour', { hour: pad(hour) }) }))}
        error={apiError?.fieldError('sendHour')}
      />
      <NativeSelect
        label={t('teamForm.locale')}
        value={values.locale}
        onChange={(event) => set('locale', event.currentTarget.value as TeamValues['locale'])}
        data={languages.map((language) => ({ value: language, label: languageNames[language] }))}
        error={apiError?.fieldError('locale')}
      />
    </Stack>
  );
}

/** The settings as text, for members who may not change them. */
export function TeamFacts({ team }: { team: Schemas['Team'] }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('teamForm.name'), team.name],
    [t('teamForm.timeZone'), team.timeZone],
    [t('teamForm.sendHour'), t('teamForm.hour', { hour: pad(team.sendHour) })],
    [t('teamForm.locale'), languageNames[team.locale]],
  ];
  return (
    <Table variant="vertical" withTableBorder maw={520}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={200}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const pad = (hour: number) => String(hour).padStart(2, '0');
