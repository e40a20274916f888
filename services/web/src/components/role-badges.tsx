import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Schemas } from '../api/client';

type Role = Schemas['Me']['teams'][number]['roles'][number];

export function RoleBadges({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  const unique = [...new Set(roles)];
  return (
    <Group gap={4} wrap="nowrap">
      {unique.map((role) => (
        <Badge key={role} size="xs" variant="outline">
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}
