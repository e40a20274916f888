// Small pieces that name things the same way on every page: session kinds, item types, traffic lights.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type TrafficLight = 'green' | 'amber' | 'red';
export type SessionKind = 'doing' | 'steering';
export type ItemType = 'strategy' | 'kpi' | 'action';

const lightColor: Record<TrafficLight, string> = { green: 'green', amber: 'orange', red: 'red' };

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
