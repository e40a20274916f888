// Emailing a sign-in link: one start of `sign-in-link-<linkId>`
// (services/workflows/src/sign-in/sign-in-link.workflow.ts), right after the link's row is
// committed, never twice (start-once.ts).
import { signInLinkWorkflowId, type SignInLinkEmail, type SignInLinkWorkflowInput } from '@rhythm/domain';
import type { WorkflowContext } from './lifecycle.js';
import { startOnce } from './start-once.js';

/** False when this link's workflow already exists (a retried request): it is already on its way. */
export async function startSignInLinkEmail(ctx: WorkflowContext, email: SignInLinkEmail): Promise<boolean> {
  const input: SignInLinkWorkflowInput = { version: 1, email };
  return startOnce(ctx, 'signInLinkWorkflow', signInLinkWorkflowId(email.linkId), input);
}
