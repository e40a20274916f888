// Starting a workflow that emails someone once (a team invitation's send, a sign-in link): its id
// comes from the business key and an id once used is never reused (REJECT_DUPLICATE), so a request
// retried after a lost answer finds its workflow started and emails nobody a second time.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import type { WorkflowContext } from './lifecycle.js';

/** False when a workflow with this id already exists (a retried request): it is already on its way. */
export async function startOnce(
  ctx: WorkflowContext,
  workflowType: string,
  workflowId: string,
  input: unknown,
): Promise<boolean> {
  try {
    await ctx.client.workflow.start(workflowType, {
      workflowId,
      taskQueue: ctx.taskQueue,
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}
