// The workflow bundle's entry: every workflow the sessions worker runs.
export { sessionWorkflow } from './sessions/session.workflow.js';
export { teamSettingsWorkflow } from './teams/team-settings.workflow.js';
export { teamInvitationWorkflow } from './invitations/team-invitation.workflow.js';
export { signInLinkWorkflow } from './sign-in/sign-in-link.workflow.js';
