// Adding or editing one plan item: its title, its owner (handing it to another member) and, for a
// KPI or action, its strategy. Owners are members of the team, as the API requires.
import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import type { Member, Plan } from '../api/team-queries';
import { FormError } from '../components/query-state';
import type { ImportType } from './plan-import';
import { useCreateItem, useUpdateItem } from './plan-mutations';

/** What the dialog is open for: a new item (under a strategy for a KPI or action) or an existing one. */
export type ItemEdit =
  | { type: ImportType; strategyId?: string; item?: undefined }
  | { type: ImportType; item: { id: string; title: string; owner: { id: string }; strategyId?: string } };

interface Props {
  teamId: string;
  edit: ItemEdit;
  plan: Plan;
  members: Member[];
  myId: string;
  onClose(): void;
}

export function ItemDialog({ teamId, edit, plan, members, myId, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateItem(teamId);
  const update = useUpdateItem(teamId);
  const mutation = edit.item ? update : create;
  const what = t(`itemTypes.${edit.type}`);
  const [title, setTitle] = useState(edit.item?.title ?? '');
  const [ownerId, setOwnerId] = useState(edit.item?.owner.id ?? myId);
  const [strategyId, setStrategyId] = useState(
    edit.item ? (edit.item.strategyId ?? '') : (edit.strategyId ?? ''),
  );
  const [missing, setMissing] = useState(false);
  const apiError = mutation.error instanceof ApiError ? mutation.error : null;
  // An owner who left the team stays selectable as the current value, named as such.
  const owners = members.map((member) => ({ value: member.userId, label: member.name }));
  if (!owners.some((owner) => owner.value === ownerId))
    owners.unshift({ value: ownerId, label: t('plan.ownerMissing') });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!title.trim());
    if (!title.trim()) return;
    const underStrategy = edit.type !== 'strategy' ? { strategyId } : {};
    if (edit.item) {
      update.mutate(
        {
          type: edit.type,
          itemId: edit.item.id,
          changes: { title: title.trim(), ownerId, ...underStrategy },
        },
        { onSuccess: onClose },
      );
    } else {
      create.mutate(
        { type: edit.type, item: { title: title.trim(), ownerId, ...underStrategy } },
        { onSuccess: onClose },
      );
    }
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(edit.item ? 'plan.editTitle' : 'plan.newTitle', { what })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('plan.itemTitle')}
            required
            maxLength={255}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={(missing && t('plan.titleRequired')) || apiError?.fieldError('title')}
            data-autofocus
          />
          <NativeSelect
            label={t('plan.owner')}
            description={t('plan.ownerHint')}
            data={owners}
            value={ownerId}
            onChange={(event) => setOwnerId(event.currentTarget.value)}
            error={apiError?.fieldError('ownerId')}
          />
          {edit.type !== 'strategy' && (
            <NativeSelect
              label={t('plan.strategy')}
              data={plan.strategies.map((strategy) => ({ value: strategy.id, label: strategy.title }))}
              value={strategyId}
              onChange={(event) => setStrategyId(event.currentTarget.value)}
              error={apiError?.fieldError('strategyId')}
            />
          )}
          <FormError error={mutation.error} fields={['title', 'ownerId', 'strategyId']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
