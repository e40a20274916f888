// When the round's sessions fall due. A team's invitations go out at a whole send hour in its time
// zone, 7 days before the session; zones whose offsets end in :30 or :45 put that hour at a quarter
// past or half past in UTC. The round picks the first such moment after its sessions can have been
// created, and the zone, send hour and session date that make it the invitations' moment.
import { addDays, sendTimes, todayIn, type CalendarDate } from '@rhythm/domain';

export interface Slot {
  timeZone: string;
  sendHour: number;
  sessionDate: CalendarDate;
  /** The invitations' moment: the due time every lateness counts from. */
  dueAt: Date;
}

/** Offsets of whole hours, :30 (India, Newfoundland) and :45 (Nepal, Chatham, Eucla). */
const ZONES = [
  'UTC',
  'Asia/Kolkata',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Australia/Eucla',
];

/** Settings under which sessions on `sessionDate` are not due for days: the team starts with them. */
export const FAR = { timeZone: 'Pacific/Pago_Pago', sendHour: 23 } as const;

export function firstSlotAfter(earliest: Date): Slot {
  let best: Slot | null = null;
  for (const timeZone of ZONES)
    for (let days = 7; days <= 9; days++)
      for (let sendHour = 0; sendHour <= 23; sendHour++) {
        const sessionDate = addDays(todayIn(timeZone, earliest), days);
        const dueAt = sendTimes({ sessionDate, timeZone, sendHour }).invitationAt;
        if (dueAt >= earliest && (!best || dueAt < best.dueAt))
          best = { timeZone, sendHour, sessionDate, dueAt };
      }
  if (!best) throw new Error(`no send hour falls due after ${earliest.toISOString()}`);
  const far = sendTimes({ sessionDate: best.sessionDate, ...FAR }).invitationAt;
  if (far <= best.dueAt)
    throw new Error(`${FAR.timeZone} does not keep ${best.sessionDate} from falling due early`);
  return best;
}
