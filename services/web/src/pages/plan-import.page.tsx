// Import a plan kept elsewhere: paste rows from a spreadsheet or choose a CSV file, see every row
// checked against the team's members and plan, then save the ready ones (one request per item,
// strategies first) and read how many were saved and which failed, and why.
import { Alert, Button, FileInput, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/problem';
import { teamKeys, useMembers, usePlan, type Member, type Plan } from '../api/team-queries';
import { useApi } from '../auth/auth-context';
import { QueryState } from '../components/query-state';
import { TeamPage } from '../components/team-page';
import { ImportPreview } from '../plan/import-preview';
import { saveImport, StrategyNotSaved, type RowOutcome } from '../plan/import-save';
import { readImport, saveOrder, type ImportContext } from '../plan/plan-import';
import { createItem } from '../plan/plan-mutations';

export function PlanImportPage() {
  const { t } = useTranslation();
  return (
    <TeamPage title={t('import.title')} readOnlyNote={t('plan.readOnly')}>
      {({ teamId, canAdminister }) => canAdminister && <ImportBody teamId={teamId} />}
    </TeamPage>
  );
}

function ImportBody({ teamId }: { teamId: string }) {
  const plan = usePlan(teamId);
  const members = useMembers(teamId);
  return (
    <QueryState query={plan}>
      {(data) => (
        <QueryState query={members}>
          {({ members: list }) => <ImportForm teamId={teamId} plan={data} members={list} />}
        </QueryState>
      )}
    </QueryState>
  );
}

/** The plan as rows compare against it: each KPI and action with its strategy's title. */
function contextOf(plan: Plan, members: Member[]): ImportContext {
  const titles = new Map(plan.strategies.map((strategy) => [strategy.id, strategy.title]));
  return {
    members,
    existing: [
      ...plan.strategies.map((item) => ({ type: item.type, title: item.title, strategyTitle: '' })),
      ...[...plan.kpis, ...plan.actions].map((item) => ({
        type: item.type,
        title: item.title,
        strategyTitle: titles.get(item.strategyId) ?? '',
      })),
    ],
  };
}

function ImportForm({ teamId, plan, members }: { teamId: string; plan: Plan; members: Member[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<RowOutcome[] | null>(null);
  const rows = useMemo(() => readImport(text, contextOf(plan, members)), [text, plan, members]);
  const ready = saveOrder(rows).length;

  const readFile = async (file: File | null) => {
    if (file) setText(await file.text());
  };
  const save = async () => {
    setOutcomes(null);
    setProgress({ done: 0, total: ready });
    let done = 0;
    const result = await saveImport(
      rows,
      plan.strategies,
      (type, item) => createItem(api, teamId, type, item),
      () => setProgress({ done: ++done, total: ready }),
    );
    setProgress(null);
    setOutcomes(result);
    // The rows just saved now show as "already in the plan": a second click saves nothing twice.
    await queryClient.invalidateQueries({ queryKey: teamKeys.plan(teamId) });
  };

  return (
    <Stack gap="md">
      <Text>{t('import.intro')}</Text>
      <Textarea
        label={t('import.rows')}
        autosize
        minRows={6}
        maxRows={20}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <FileInput
        label={t('import.file')}
        placeholder={t('import.filePlaceholder')}
        accept=".csv,.tsv,.txt,text/csv,text/plain"
        onChange={(file) => void readFile(file)}
        maw={360}
        clearable
      />
      {text.trim() && rows.length === 0 && <Text c="dimmed">{t('import.nothing')}</Text>}
      {rows.length > 0 && (
        <>
          <Text role="status">{t('import.summary', { ready, total: rows.length })}</Text>
          <ImportPreview rows={rows} />
        </>
      )}
      <Group>
        <Button
          onClick={() => void save()}
          disabled={ready === 0 || progress !== null}
          loading={progress !== null}
        >
          {t('import.save', { count: ready })}
        </Button>
        {progress && <Text size="sm">{t('import.saving', progress)}</Text>}
        <Button component={Link} to={`/teams/${teamId}/plan`} variant="subtle">
          {t('import.back')}
        </Button>
      </Group>
      {outcomes && <ImportOutcome outcomes={outcomes} />}
    </Stack>
  );
}

function ImportOutcome({ outcomes }: { outcomes: RowOutcome[] }) {
  const { t } = useTranslation();
  const saved = outcomes.filter((outcome) => outcome.saved).length;
  const failed = outcomes.flatMap((outcome) => (outcome.saved ? [] : [outcome]));
  const reason = (error: unknown) =>
    error instanceof StrategyNotSaved
      ? t('import.strategyNotSaved', { strategy: error.strategyTitle })
      : error instanceof ApiError
        ? ((error.errors.map((fieldError) => fieldError.message).join('; ') || error.detail) ?? error.title)
        : String(error);
  return (
    <Alert color={failed.length ? 'orange' : 'green'} role="alert">
      <Stack gap="xs">
        <Text size="sm">{t('import.saved', { count: saved })}</Text>
        {failed.length > 0 && (
          <>
            <Text size="sm">{t('import.failed', { count: failed.length })}</Text>
            <List size="sm">
              {failed.map((outcome) => (
                <List.Item key={outcome.line}>
                  {t('import.failedRow', {
                    line: outcome.line,
                    title: outcome.title,
                    reason: reason(outcome.error),
                  })}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}
