// The plan: strategies with their KPIs and actions, each with an owner. Administrators add, edit
// (including handing an item to another owner) and delete, and import a plan kept elsewhere.
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/queries';
import { useMembers, usePlan, type Plan } from '../api/team-queries';
import { QueryState } from '../components/query-state';
import { TeamPage } from '../components/team-page';
import { ItemDialog, type ItemEdit } from '../plan/item-dialog';
import { StrategyCard } from '../plan/strategy-card';

export function PlanPage() {
  const { t } = useTranslation();
  return (
    <TeamPage title={t('plan.title')} readOnlyNote={t('plan.readOnly')}>
      {({ teamId, canAdminister }) => <PlanBody teamId={teamId} canAdminister={canAdminister} />}
    </TeamPage>
  );
}

function PlanBody({ teamId, canAdminister }: { teamId: string; canAdminister: boolean }) {
  const { t } = useTranslation();
  const plan = usePlan(teamId);
  const members = useMembers(teamId);
  const myId = useMe().data?.user.id ?? '';
  const [edit, setEdit] = useState<ItemEdit | null>(null);
  return (
    <QueryState query={plan}>
      {(data) => (
        <>
          {canAdminister && (
            <Group>
              <Button onClick={() => setEdit({ type: 'strategy' })}>{t('plan.addStrategy')}</Button>
              <Button component={Link} to={`/teams/${teamId}/plan/import`} variant="default">
                {t('plan.import')}
              </Button>
            </Group>
          )}
          {data.strategies.length === 0 && <Text c="dimmed">{t('plan.empty')}</Text>}
          {data.strategies.map((strategy) => (
            <StrategyCard
              key={strategy.id}
              teamId={teamId}
              strategy={strategy}
              items={itemsUnder(data, strategy.id)}
              canAdminister={canAdminister}
              onEdit={setEdit}
            />
          ))}
          {edit && members.data && (
            <ItemDialog
              teamId={teamId}
              edit={edit}
              plan={data}
              members={members.data.members}
              myId={myId}
              onClose={() => setEdit(null)}
            />
          )}
        </>
      )}
    </QueryState>
  );
}

/** A strategy's KPIs, then its actions, each in the order they were added. */
function itemsUnder(plan: Plan, strategyId: string) {
  return [...plan.kpis, ...plan.actions].filter((item) => item.strategyId === strategyId);
}
