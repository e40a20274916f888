// One strategy with its KPIs and actions, each with its owner. Administrators get the buttons to
// add under it, edit (title, owner, strategy) and delete; everyone else the same card, read-only.
import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import type { Action, Kpi, Strategy } from '../api/team-queries';
import { ConfirmButton } from '../components/confirm-button';
import { ItemTitle } from '../components/labels';
import type { ItemEdit } from './item-dialog';
import { useDeleteItem } from './plan-mutations';

interface Props {
  teamId: string;
  strategy: Strategy;
  items: (Kpi | Action)[];
  canAdminister: boolean;
  onEdit(edit: ItemEdit): void;
}

export function StrategyCard({ teamId, strategy, items, canAdminister, onEdit }: Props) {
  const { t } = useTranslation();
  const headingId = `strategy-${strategy.id}`;
  const add = (type: 'kpi' | 'action', label: string) => (
    <Button
      size="xs"
      variant="light"
      aria-label={t('plan.addTo', { what: label, strategy: strategy.title })}
      onClick={() => onEdit({ type, strategyId: strategy.id })}
    >
      {label}
    </Button>
  );
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4" id={headingId}>
              {strategy.title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('plan.owner')}: {strategy.owner.name}
            </Text>
          </Stack>
          {canAdminister && <ItemButtons teamId={teamId} item={strategy} onEdit={onEdit} />}
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('plan.noItems')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.item')}</Table.Th>
                  <Table.Th>{t('common.owner')}</Table.Th>
                  {canAdminister && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <ItemTitle item={item} />
                    </Table.Td>
                    <Table.Td>{item.owner.name}</Table.Td>
                    {canAdminister && (
                      <Table.Td>
                        <ItemButtons teamId={teamId} item={item} onEdit={onEdit} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canAdminister && (
          <Group gap="xs">
            {add('kpi', t('plan.addKpi'))}
            {add('action', t('plan.addAction'))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function ItemButtons({
  teamId,
  item,
  onEdit,
}: {
  teamId: string;
  item: Strategy | Kpi | Action;
  onEdit(edit: ItemEdit): void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteItem(teamId);
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="xs"
        variant="subtle"
        aria-label={t('plan.editOf', { title: item.title })}
        onClick={() => onEdit({ type: item.type, item })}
      >
        {t('plan.edit')}
      </Button>
      <ConfirmButton
        label={t('plan.delete')}
        ariaLabel={t('plan.deleteOf', { title: item.title })}
        title={t('plan.deleteTitle', { title: item.title })}
        explain={t('plan.deleteExplain')}
        keepLabel={t('plan.keep')}
        confirmLabel={t('plan.delete')}
        mutation={remove}
        problem={(error) =>
          error instanceof ApiError && error.status === 409 ? t('plan.strategyNotEmpty') : null
        }
        onConfirm={(done) => remove.mutate({ type: item.type, itemId: item.id }, { onSuccess: done })}
      />
    </Group>
  );
}
