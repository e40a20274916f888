import { Delivery } from './delivery/delivery.entity.js';
import { EmailBatch } from './delivery/email-batch.entity.js';
import { EmailClaim } from './delivery/email-claim.entity.js';
import { ProviderRate } from './delivery/provider-rate.entity.js';
import { EmailPause } from './email/email-pause.entity.js';
import { EmailSuppression } from './email/email-suppression.entity.js';
import { WebhookEvent } from './email/webhook-event.entity.js';
import { Invitation } from './invitation/invitation.entity.js';
import { Identity } from './sign-in/identity.entity.js';
import { SignInLink } from './sign-in/sign-in-link.entity.js';
import { SignInSession } from './sign-in/sign-in-session.entity.js';
import { Membership } from './membership/membership.entity.js';
import { OutboxEmail } from './outbox/outbox-email.entity.js';
import { PlanItem } from './plan/plan-item.entity.js';
import { ProgressReport } from './report/progress-report.entity.js';
import { Series } from './session/series.entity.js';
import { Session } from './session/session.entity.js';
import { Team } from './team/team.entity.js';
import { User } from './user/user.entity.js';

/** Every entity, listed so that the ORM needs no folder discovery (works from dist, src and Jest alike). */
export const entities = [
  Team,
  User,
  Membership,
  PlanItem,
  Series,
  Session,
  ProgressReport,
  Delivery,
  OutboxEmail,
  EmailSuppression,
  EmailPause,
  WebhookEvent,
  EmailBatch,
  EmailClaim,
  ProviderRate,
  Invitation,
  SignInLink,
  SignInSession,
  Identity,
] as const;
