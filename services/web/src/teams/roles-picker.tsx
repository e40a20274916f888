// Choosing roles (a member's, an invitation's): one checkbox per role, at least one.
import { Checkbox, Group, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { allRoles, type Role } from './team-mutations';

interface Props {
  label: string;
  value: Role[];
  onChange(roles: Role[]): void;
  error?: string | undefined;
  /** Hide the group's label (a table row says whose roles they are through it). */
  hideLabel?: boolean;
}

export function RolesPicker({ label, value, onChange, error, hideLabel }: Props) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      // A hidden label still names the group for screen readers (a table row's column says it).
      label={hideLabel ? <VisuallyHidden>{label}</VisuallyHidden> : label}
      value={value}
      onChange={(roles) => onChange(allRoles.filter((role) => roles.includes(role)))}
      error={error}
    >
      <Group gap="sm" mt={hideLabel ? 0 : 'xs'} wrap="nowrap">
        {allRoles.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} size="xs" />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
