// The words of the domain, as zod enums so that every edge (HTTP, workflow input, database) can
// validate them and TypeScript derives the types from the same source.
import { z } from 'zod';

export const SessionKind = z.enum(['doing', 'steering']);
export type SessionKind = z.infer<typeof SessionKind>;

export const SessionRepeat = z.enum(['none', 'weekly', 'every_two_weeks', 'monthly', 'quarterly']);
export type SessionRepeat = z.infer<typeof SessionRepeat>;

export const SessionState = z.enum(['scheduled', 'cancelled', 'held']);
export type SessionState = z.infer<typeof SessionState>;

export const Role = z.enum(['administrator', 'process_owner', 'member']);
export type Role = z.infer<typeof Role>;

export const Locale = z.enum(['en', 'nl']);
export type Locale = z.infer<typeof Locale>;

export const ItemType = z.enum(['strategy', 'kpi', 'action']);
export type ItemType = z.infer<typeof ItemType>;

export const TrafficLight = z.enum(['green', 'amber', 'red']);
export type TrafficLight = z.infer<typeof TrafficLight>;

/** What a Delivery records: one email of one step to one owner for one session date. */
export const DeliveryStep = z.enum(['invitation', 'reminder', 'moved', 'cancelled', 'escalation']);
export type DeliveryStep = z.infer<typeof DeliveryStep>;

export const DeliveryState = z.enum(['sent', 'skipped', 'failed']);
export type DeliveryState = z.infer<typeof DeliveryState>;
