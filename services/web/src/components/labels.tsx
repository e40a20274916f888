// Small pieces that name things the same way on every page: session kinds, item types, traffic lights.
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { formatDay } from '../i18n/format';

// The API's vocabulary, from its OpenAPI document (a new value there must be given a label here).
export type TrafficLight = Schemas['ProgressReport']['trafficLight'];
export type SessionKind = Schemas['Session']['kind'];
export type ItemType = Schemas['SessionItem']['type'];

/** Mantine colours for the traffic lights, wherever one is drawn (badge, bar, count tile). */
export const lightColor: Record<TrafficLight, string> = { green: 'green', amber: 'orange', red: 'red' };

export function LightBadge({ light }: { light: TrafficLight }) {
  const { t } = useTranslation();
  return (
    <Badge color={lightColor[light]} variant="filled">
      {t(`lights.${light}`)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: SessionKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={kind === 'doing' ? 'teal' : 'grape'} variant="light">
      {t(`kinds.${kind}`)}
    </Badge>
  );
}

export function ItemTypeBadge({ type }: { type: ItemType }) {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="outline" size="sm">
      {t(`itemTypes.${type}`)}
    </Badge>
  );
}

/** An item as every table shows it: its type, then its title. */
export function ItemTitle({ item }: { item: { type: ItemType; title: string } }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ItemTypeBadge type={item.type} />
      <Text size="sm">{item.title}</Text>
    </Group>
  );
}

/** The session a page is about: its day and its kind. */
export function SessionHeading({ session }: { session: { date: string; kind: SessionKind } }) {
  const { i18n } = useTranslation();
  return (
    <Group gap="sm">
      <Text fw={600}>{formatDay(session.date, i18n.language)}</Text>
      <KindBadge kind={session.kind} />
    </Group>
  );
}
