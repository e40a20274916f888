// Where a session's lateness goes, from a sample of the round's workflow histories: from falling
// due until the workflow scheduled its sendEmails activity (the stand-in sessions worker), until a
// notifier started it (waiting in the task queue for a free activity slot), and until it completed
// (rendering, waiting for a batch and its slot, the request, the records).
import { tsToMs } from '@temporalio/common';
import type { WorkflowHandle } from '@temporalio/client';

type Stage = 'scheduled' | 'started' | 'completed';
const STAGES: Stage[] = ['scheduled', 'started', 'completed'];

export async function timeline(handles: WorkflowHandle[], dueAt: number, sample = 40): Promise<string> {
  const step = Math.max(1, Math.floor(handles.length / sample));
  const picked = handles.filter((_, i) => i % step === 0);
  const spans: Record<Stage, number[]> = { scheduled: [], started: [], completed: [] };
  for (const handle of picked) {
    const events = (await handle.fetchHistory()).events ?? [];
    const at = (stage: Stage) => {
      const event = events.find((e) => e[`activityTask${cap(stage)}EventAttributes`]);
      return event ? tsToMs(event.eventTime) : NaN;
    };
    let previous = dueAt;
    for (const stage of STAGES) {
      spans[stage].push((at(stage) - previous) / 1000);
      previous = at(stage);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const max = (values: number[]) => Math.max(...values);
  const show = (stage: Stage, what: string) =>
    `${what} p50 ${median(spans[stage]).toFixed(1)} s, max ${max(spans[stage]).toFixed(1)} s`;
  return [
    `where it went         (${picked.length} workflows sampled)`,
    `  due → scheduled     ${show('scheduled', 'the stand-in workflow scheduled sendEmails:')}`,
    `  → started          ${show('started', 'waited for a notifier’s activity slot:')}`,
    `  → completed        ${show('completed', 'rendered, batched, sent, recorded:')}`,
  ].join('\n');
}

const cap = (stage: Stage) =>
  `${stage[0]!.toUpperCase()}${stage.slice(1)}` as 'Scheduled' | 'Started' | 'Completed';
