// The escalation the day before (issue 16): the process owner(s) get one email listing the items
// still without a current report and their owners; nothing is sent when everything is in.
import type { SessionWorkflowInput } from '@rhythm/domain';
import { db, send } from './session-sends.js';
import type { SessionMemory } from './session-state.js';

export async function escalate(input: SessionWorkflowInput, memory: SessionMemory): Promise<void> {
  const sessionDate = memory.sessionDate;
  const { missing, to } = await db.escalationOf({ sessionId: input.sessionId, sessionDate });
  // Done for this date whatever the outcome: a report withdrawn later does not make a second list.
  (memory.escalatedFor ??= []).push(sessionDate);
  if (missing === 0) {
    memory.skipped.push({ step: 'escalation', reason: `every item has a current report for ${sessionDate}` });
    return;
  }
  if (to.length === 0) {
    memory.skipped.push({ step: 'escalation', reason: 'the team has no process owner' });
    return;
  }
  await send(input, memory, 'escalation', to);
}
