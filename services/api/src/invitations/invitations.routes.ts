// Joining a team by invitation: administrators invite an address, list, send again and revoke;
// whoever signs in with that address accepts. The only way into a team besides creating one.
import { TeamParams } from '../http/common.schemas.js';
import { defineRoute } from '../http/route.js';
import {
  AcceptInvitationSchema,
  AcceptedInvitationSchema,
  InvitationListSchema,
  InvitationParams,
  InvitationSchema,
  NewInvitationSchema,
  acceptedView,
  invitationView,
} from './invitations.schemas.js';
import { accept, invite, pendingInvitations, resend, revoke } from './invitations.service.js';

const administrators = { roles: ['administrator'] as const };

export const createInvitation = defineRoute({
  method: 'post',
  path: '/api/teams/{teamId}/invitations',
  operationId: 'createInvitation',
  summary: 'Invite an email address to join the team (administrators)',
  description:
    'Emails a link to accept (`team-invitation-<id>-<n>` workflow; 503 and nothing kept when Temporal does not take it). The ' +
    'answer is the same whether or not the address has an account. A pending invitation to the same address is renewed ' +
    '(new link, new expiry, the roles given now), not duplicated. 409 when the address is already a member.',
  tags: ['invitations'],
  team: administrators,
  request: { params: TeamParams, body: NewInvitationSchema },
  responses: { 201: InvitationSchema },
  problems: [409],
  handler: async ({ member, body, em, deps }) => {
    const invitation = await invite(em, deps, member, body);
    return { status: 201, body: invitationView(invitation, member.user, new Date()) };
  },
});

export const listInvitations = defineRoute({
  method: 'get',
  path: '/api/teams/{teamId}/invitations',
  operationId: 'listInvitations',
  summary: 'The team’s pending invitations, expired ones included (administrators)',
  tags: ['invitations'],
  team: administrators,
  request: { params: TeamParams },
  responses: { 200: InvitationListSchema },
  handler: async ({ member, em }) => {
    const now = new Date();
    const invitations = await pendingInvitations(em, member.team.id);
    return {
      status: 200,
      body: {
        invitations: invitations.map((invitation) =>
          invitationView(invitation, invitation.invitedBy?.getEntity() ?? null, now),
        ),
      },
    };
  },
});

export const resendInvitation = defineRoute({
  method: 'post',
  path: '/api/teams/{teamId}/invitations/{invitationId}/resend',
  operationId: 'resendInvitation',
  summary: 'Send an invitation again with a new link and expiry; the old link stops working (administrators)',
  tags: ['invitations'],
  team: administrators,
  request: { params: InvitationParams },
  responses: { 200: InvitationSchema },
  problems: [409],
  handler: async ({ member, params, em, deps }) => {
    const invitation = await resend(em, deps, member, params.invitationId);
    return { status: 200, body: invitationView(invitation, member.user, new Date()) };
  },
});

export const revokeInvitation = defineRoute({
  method: 'delete',
  path: '/api/teams/{teamId}/invitations/{invitationId}',
  operationId: 'revokeInvitation',
  summary: 'Revoke an invitation: its link stops working (administrators)',
  tags: ['invitations'],
  team: administrators,
  request: { params: InvitationParams },
  responses: { 204: null },
  problems: [409],
  handler: async ({ member, params, em }) => {
    await revoke(em, member, params.invitationId);
    return { status: 204 };
  },
});

export const acceptInvitation = defineRoute({
  method: 'post',
  path: '/api/invitations/accept',
  operationId: 'acceptInvitation',
  summary: 'Accept an invitation: the caller joins the team with its roles',
  description:
    'The caller must be signed in with the address the invitation was sent to (403 otherwise). 404 for an unknown link ' +
    '(one sent again has a new one), 410 once expired or revoked, 409 once accepted or when already a member.',
  tags: ['invitations'],
  request: { body: AcceptInvitationSchema },
  responses: { 200: AcceptedInvitationSchema },
  problems: [403, 404, 409, 410],
  handler: async ({ caller, body, em, deps }) => {
    const { team, roles } = await accept(em, deps, caller, body.token);
    return { status: 200, body: acceptedView(team, roles) };
  },
});

export const invitationRoutes = [
  createInvitation,
  listInvitations,
  resendInvitation,
  revokeInvitation,
  acceptInvitation,
];
