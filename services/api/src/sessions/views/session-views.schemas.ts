// The session service's views (session-views.ts, session-status.ts, …) as zod schemas: what the
// session routes answer, in the OpenAPI document. The handlers return the service's views as they
// are, so TypeScript checks every view against its schema here.
import {
  CalendarDate,
  DeliveryState,
  DeliveryStep,
  ItemType,
  ProviderStatus,
  SessionKind,
  SessionRepeat,
  SessionState,
  TrafficLight,
} from '@rhythm/domain';
import { z } from 'zod';
import { Id, Instant } from '../../http/common.schemas.js';
import { ReportInput } from '../sessions.schemas.js';

export const SessionSchema = z
  .object({
    id: Id,
    teamId: Id,
    date: CalendarDate.meta({
      description: 'The day of the session in the team’s time zone.',
      example: '2026-11-25',
    }),
    kind: SessionKind.meta({
      description: '`doing` reviews the actions; `steering` the strategies, their KPIs and the actions.',
    }),
    repeat: SessionRepeat,
    sendInvitation: z.boolean(),
    sendReminder: z.boolean(),
    sendEscalation: z.boolean(),
    state: SessionState.meta({ description: 'Held and cancelled sessions no longer change.' }),
    previousSessionId: Id.nullable().meta({
      description:
        'For a session repeated the old way (before series): the occurrence it was scheduled from.',
    }),
    seriesId: Id.nullable().meta({
      description:
        'The repeating series this session is an occurrence of (see `getSeries`); null for a single session.',
    }),
    occurrence: z.number().int().min(0).nullable().meta({ description: 'Its place in the series: 0, 1, …' }),
    revision: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Grows with each move and the cancellation (the calendar’s SEQUENCE).' }),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Session' });

export const SessionListSchema = z
  .object({
    sessions: z.array(
      SessionSchema.extend({
        reports: z
          .object({ submitted: z.number().int().min(0), outstanding: z.number().int().min(0) })
          .meta({ description: 'Involved items with and without a current report.' }),
      }).meta({ id: 'SessionListEntry' }),
    ),
    nextCursor: z.string().nullable().meta({
      description: 'Pass it as `cursor` for the next page, with the same filters; null on the last page.',
    }),
  })
  .meta({ id: 'SessionList', description: 'A page of the calendar, by date then creation.' });

const WorkflowStatusSchema = z
  .object({
    sessionDate: CalendarDate.meta({
      description: 'The date the workflow plans for (a move shows here once the workflow has it).',
    }),
    kind: SessionKind,
    state: SessionState,
    next: z
      .object({ step: z.enum(['invitation', 'reminder', 'escalation', 'held']), at: Instant })
      .nullable(),
    sent: z.array(
      z.object({
        step: DeliveryStep,
        at: Instant,
        sessionDate: CalendarDate,
        recipients: z.array(z.string()),
      }),
    ),
    skipped: z.array(z.object({ step: DeliveryStep, reason: z.string() })),
    changes: z.array(z.object({ at: Instant, what: z.string() })),
  })
  .meta({
    id: 'WorkflowStatus',
    description: 'The session workflow’s `status` query: its plan and its history.',
  });

export const SessionDetailSchema = z
  .object({
    session: SessionSchema,
    workflow: z
      .discriminatedUnion('available', [
        z.object({ available: z.literal(true), status: WorkflowStatusSchema }),
        z.object({ available: z.literal(false), reason: z.string() }),
      ])
      .meta({
        description:
          'The workflow’s view, or why it did not answer within a few seconds (e.g. no worker is running).',
      }),
  })
  .meta({ id: 'SessionDetail' });

// `ownerName`: only in the escalation's preview, which lists other people's items.
export const ItemSchema = z
  .object({ id: Id, type: ItemType, title: z.string(), ownerName: z.string().optional() })
  .meta({ id: 'SessionItem' });
export const OwnerSchema = z
  .object({ userId: Id, name: z.string(), email: z.string().nullable() })
  .meta({ id: 'SessionItemOwner' });

export const ReportSchema = z
  .object({
    id: Id,
    itemId: Id,
    sessionId: Id.nullable().meta({
      description: 'The session it was written for; null for a report written outside one.',
    }),
    authorId: Id,
    progress: z.number().int().min(0).max(100),
    trafficLight: TrafficLight,
    explanation: z.string(),
    createdAt: Instant,
  })
  .meta({ id: 'ProgressReport' });

export const NewReportSchema = ReportInput.meta({ id: 'NewProgressReport' });

export const SessionReportsSchema = z
  .object({
    session: SessionSchema,
    items: z.array(
      z.object({
        item: ItemSchema,
        owner: OwnerSchema,
        report: ReportSchema.nullable().meta({ description: 'The current report; null when there is none.' }),
      }),
    ),
  })
  .meta({ id: 'SessionReports' });

export const OwnerItemsSchema = z
  .object({
    owner: OwnerSchema,
    items: z.array(ItemSchema),
    skipped: z
      .enum(['no email address', 'no longer a member', 'address bounced', 'marked as spam', 'paused emails'])
      .nullable()
      .meta({ description: 'Why no email would reach this owner; null when it would.' }),
  })
  .meta({ id: 'OwnerItems' });

export const DeliverySchema = z
  .object({
    step: DeliveryStep,
    userId: Id,
    name: z.string(),
    sessionDate: CalendarDate,
    state: DeliveryState,
    reason: z.string().nullable(),
    at: Instant,
    providerStatus: ProviderStatus.nullable().meta({
      description:
        'What the provider reported after sending (Resend webhooks): delayed, delivered, bounced, complained or failed; only moves forward.',
    }),
  })
  .meta({ id: 'Delivery' });

export const SessionStatusSchema = z
  .object({
    session: SessionSchema,
    counts: z
      .object({
        green: z.number().int(),
        amber: z.number().int(),
        red: z.number().int(),
        missing: z.number().int(),
      })
      .meta({
        description: 'Involved items by the traffic light of their current report; `missing`: without one.',
      }),
    missing: z
      .array(OwnerItemsSchema)
      .meta({ description: 'Owners with their involved items that have no current report.' }),
    invited: z.array(DeliverySchema),
    reminded: z.array(DeliverySchema),
    deliveries: z
      .array(DeliverySchema)
      .meta({ description: 'Every email recorded for the session, skips included.' }),
    skippedSteps: z.array(z.object({ step: DeliveryStep, reason: z.string() })).meta({
      description: 'Steps the workflow did without an email (an escalation with every report in), and why.',
    }),
    next: z
      .object({
        step: z.enum(['invitation', 'reminder', 'escalation', 'held']),
        at: Instant,
        recipients: z.array(OwnerItemsSchema),
      })
      .nullable()
      .meta({
        description:
          'What goes out next, when and to whom, by the workflow’s own rule; null once held or cancelled.',
      }),
  })
  .meta({ id: 'SessionStatus' });

export const SeriesSchema = z
  .object({
    id: Id,
    teamId: Id,
    kind: SessionKind,
    repeat: SessionRepeat.meta({ description: '`none` once the series was stopped or cancelled.' }),
    state: z.enum(['active', 'stopped', 'cancelled']).meta({
      description:
        'active: makes occurrences ahead; stopped: makes no more; cancelled: all occurrences ahead cancelled.',
    }),
    occurrences: z.array(
      z.object({
        sessionId: Id,
        occurrence: z.number().int().min(0),
        date: CalendarDate,
        state: SessionState,
      }),
    ),
    upcoming: z.array(CalendarDate).meta({
      description:
        'The next dates the pattern gives after the last occurrence made (made as each comes near).',
    }),
  })
  .meta({ id: 'Series' });

// The views the session service returns, as the schemas above describe them: one declaration each.
export type SessionView = z.input<typeof SessionSchema>;
export type ItemView = z.input<typeof ItemSchema>;
export type OwnerView = z.input<typeof OwnerSchema>;
export type OwnerItemsView = z.input<typeof OwnerItemsSchema>;
export type ReportView = z.input<typeof ReportSchema>;
export type DeliveryView = z.input<typeof DeliverySchema>;
export type SessionStatusView = z.input<typeof SessionStatusSchema>;
export type NextSendView = NonNullable<SessionStatusView['next']>;
export type SeriesView = z.input<typeof SeriesSchema>;
