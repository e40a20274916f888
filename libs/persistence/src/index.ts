export { Delivery } from './delivery/delivery.entity.js';
export {
  recordDeliveries,
  type DeliveryOutcome,
  type DeliveryMessage,
} from './delivery/record-deliveries.js';
export { EmailBatch } from './delivery/email-batch.entity.js';
export { EmailClaim } from './delivery/email-claim.entity.js';
export { ProviderRate } from './delivery/provider-rate.entity.js';
export { Membership } from './membership/membership.entity.js';
export { Invitation } from './invitation/invitation.entity.js';
export * from './invitation/make-admin.js';
export { Identity } from './sign-in/identity.entity.js';
export { SignInLink } from './sign-in/sign-in-link.entity.js';
export { SignInSession } from './sign-in/sign-in-session.entity.js';
export { OutboxEmail } from './outbox/outbox-email.entity.js';
export { PlanItem } from './plan/plan-item.entity.js';
export { ProgressReport } from './report/progress-report.entity.js';
export { Series } from './session/series.entity.js';
export { Session } from './session/session.entity.js';
export { Team } from './team/team.entity.js';
export { User } from './user/user.entity.js';
export { entities } from './entities.js';
export { newId } from './common/id.js';
export { migrations } from './migrations/index.js';
export { createOrmConfig, type OrmConfigInput } from './orm-config.js';
export { openOrm, connectOrm, migrateToLatest, checkDatabase, type Orm } from './orm.js';
export { DemoSeeder, seedDemo, DEMO_TEAM_NAME, type DemoSeedResult } from './seed/demo-seeder.js';
export * from './session/session-review.js';
// The few MikroORM pieces services need at their edges (a request-scoped context, the constraint
// errors an API maps to 409, row locks), re-exported so that services depend on this lib, not on the ORM.
export {
  LockMode,
  RequestContext,
  UniqueConstraintViolationException,
  ForeignKeyConstraintViolationException,
} from '@mikro-orm/core';
export type { EntityManager } from '@mikro-orm/postgresql';
export { EmailSuppression } from './email/email-suppression.entity.js';
export { WebhookEvent } from './email/webhook-event.entity.js';
export * from './email/suppressions.js';
export { EmailPause } from './email/email-pause.entity.js';
export * from './email/pauses.js';
export * from './membership/process-owners.js';
export * from './session/overview-queries.js';
export * from './session/calendar-page.js';
export * from './session/escalation.js';
