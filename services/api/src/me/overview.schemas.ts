import { CalendarDate, ItemType, Role, SessionKind, TrafficLight } from '@rhythm/domain';
import { z } from 'zod';
import { Id, Instant } from '../http/common.schemas.js';

const WebPath = z
  .string()
  .meta({ description: 'A path of the web app, e.g. `/teams/{teamId}/sessions/{sessionId}/reports`.' });

const MyItemSchema = z
  .object({
    id: Id,
    type: ItemType,
    title: z.string(),
    report: z
      .object({ id: Id, progress: z.number().int(), trafficLight: TrafficLight, createdAt: Instant })
      .nullable()
      .meta({
        description:
          'The item’s current report for the session; null while the caller still has to write one.',
      }),
    links: z.object({ report: WebPath.meta({ description: 'Where the caller writes this item’s report.' }) }),
  })
  .meta({ id: 'OverviewItem' });

const NextSessionSchema = z
  .object({
    id: Id,
    date: CalendarDate,
    kind: SessionKind,
    daysToGo: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Calendar days from today (in the team’s zone) to the session; 0 on the day.' }),
    items: z.array(MyItemSchema).meta({ description: 'The caller’s own items the session involves.' }),
    links: z.object({
      itemsInvolved: WebPath.meta({ description: 'The session’s page with the items it involves.' }),
      progressReports: WebPath.meta({ description: 'The session’s progress reports.' }),
    }),
  })
  .meta({ id: 'OverviewNextSession' });

export const OverviewSchema = z
  .object({
    teams: z.array(
      z.object({
        id: Id,
        name: z.string(),
        roles: z.array(Role),
        nextSession: NextSessionSchema.nullable().meta({
          description: 'The first scheduled session from today on; null when none is planned.',
        }),
      }),
    ),
  })
  .meta({
    id: 'Overview',
    description:
      'My overview: per team of the caller, the next session and what the caller must report for it.',
  });

export type OverviewView = z.input<typeof OverviewSchema>;
